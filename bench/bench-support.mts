// What the benchmarks share: the median, and the page code that "uses the sign-in form as
// fast as it can" (bench/renderer.bench.mts in Chromium, bench/electron-launch.bench.mts in
// the real app), so both measure the same notion of interactive.

export function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Page code (a string: the benchmarks are type-checked without the DOM library) declaring
 * `fillAndSubmit()`: fills the login and password fields of the form on screen, as typing
 * would (an input event after each value), and presses its submit button; does nothing
 * while the form is not there yet.
 */
export function fillAndSubmitSource(login: string, password: string): string {
  return `const fillAndSubmit = (() => {
    const LOGIN = ${JSON.stringify(login)}, PASSWORD = ${JSON.stringify(password)};
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const fill = (input, value) => {
      if (input.value === value) return;
      setValue.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    };
    return () => {
      const login = document.querySelector('input[autocomplete="username"]');
      const password = document.querySelector('input[type="password"]');
      const submit = document.querySelector('button[type="submit"]');
      if (!login || !password || !submit) return;
      fill(login, LOGIN);
      fill(password, PASSWORD);
      submit.click();
    };
  })();`;
}
