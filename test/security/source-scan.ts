import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// Static checks of the app's source that Electronegativity lacks, on TypeScript's own
// syntax tree. Every check takes the folders to read as arguments, so its own tests can
// point it at a broken copy and see it fail. Each returns the violations it found, as
// sentences naming file and line; an empty list means the property holds.

export interface Source {
  /** Relative to the scanned root, with forward slashes. */
  readonly file: string;
  readonly absolute: string;
  readonly sf: ts.SourceFile;
}

const ELECTRON_MODULES = new Set(['electron', 'electron/main', 'electron/renderer', 'electron/common']);

/** Every .ts/.tsx file under `dir` (recursively), tests and declarations excepted. */
export function loadSources(dir: string, root: string = dir): Source[] {
  const out: Source[] = [];
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const absolute = path.join(current, name);
      if (statSync(absolute).isDirectory()) {
        if (name !== 'node_modules') walk(absolute);
        continue;
      }
      if (!/\.tsx?$/.test(name) || /\.d\.ts$/.test(name) || /\.(test|spec)\.tsx?$/.test(name)) continue;
      const text = readFileSync(absolute, 'utf8');
      const kind = name.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
      out.push({
        file: path.relative(root, absolute).split(path.sep).join('/'),
        absolute,
        sf: ts.createSourceFile(absolute, text, ts.ScriptTarget.Latest, true, kind),
      });
    }
  };
  walk(dir);
  return out;
}

export function where(source: Source, node: ts.Node): string {
  const { line } = source.sf.getLineAndCharacterOfPosition(node.getStart(source.sf));
  return `${source.file}:${line + 1}`;
}

function visit(node: ts.Node, fn: (node: ts.Node) => void): void {
  fn(node);
  node.forEachChild((child) => visit(child, fn));
}

function isRequireOf(node: ts.Node, modules: Set<string>): boolean {
  return (
    ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'require' &&
    node.arguments.length === 1 &&
    ts.isStringLiteralLike(node.arguments[0]!) &&
    modules.has(node.arguments[0].text)
  );
}

/** How a file names Electron's exports: `import { a as b }`, `import * as e`, require(). */
interface ElectronBindings {
  /** Local name → Electron's export name. */
  named: Map<string, string>;
  /** Local names bound to the whole module. */
  namespaces: Set<string>;
}

function electronBindings(sf: ts.SourceFile): ElectronBindings {
  const named = new Map<string, string>();
  const namespaces = new Set<string>();
  visit(sf, (node) => {
    if (
      ts.isImportDeclaration(node) &&
      ts.isStringLiteral(node.moduleSpecifier) &&
      ELECTRON_MODULES.has(node.moduleSpecifier.text)
    ) {
      const clause = node.importClause;
      if (clause?.name) namespaces.add(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) namespaces.add(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings)) {
        for (const el of bindings.elements) named.set(el.name.text, (el.propertyName ?? el.name).text);
      }
    }
    if (ts.isVariableDeclaration(node) && node.initializer && isRequireOf(node.initializer, ELECTRON_MODULES)) {
      if (ts.isIdentifier(node.name)) namespaces.add(node.name.text);
      if (ts.isObjectBindingPattern(node.name)) {
        for (const el of node.name.elements) {
          const imported = el.propertyName ?? el.name;
          if (ts.isIdentifier(el.name) && ts.isIdentifier(imported)) named.set(el.name.text, imported.text);
        }
      }
    }
  });
  return { named, namespaces };
}

/** True where an identifier is a name being declared or a property name, not a value read. */
function isDeclarationOrPropertyName(id: ts.Identifier): boolean {
  const parent = id.parent;
  return (
    (ts.isPropertyAccessExpression(parent) && parent.name === id) ||
    (ts.isPropertyAssignment(parent) && parent.name === id) ||
    (ts.isImportSpecifier(parent) && (parent.name === id || parent.propertyName === id)) ||
    (ts.isBindingElement(parent) && (parent.name === id || parent.propertyName === id)) ||
    ts.isImportClause(parent) ||
    ts.isNamespaceImport(parent) ||
    (ts.isVariableDeclaration(parent) && parent.name === id) ||
    (ts.isParameter(parent) && parent.name === id) ||
    (ts.isFunctionDeclaration(parent) && parent.name === id) ||
    (ts.isMethodDeclaration(parent) && parent.name === id) ||
    (ts.isPropertySignature(parent) && parent.name === id) ||
    (ts.isPropertyDeclaration(parent) && parent.name === id) ||
    ts.isTypeReferenceNode(parent) ||
    ts.isQualifiedName(parent)
  );
}

/**
 * Every place a file reads Electron's export `name`: the local binding (`ipcMain`, or its
 * alias), `electron.ipcMain`, `electron['ipcMain']` or `require('electron').ipcMain`.
 * Each result is the expression that evaluates to the export.
 */
export function electronReferences(source: Source, name: string): ts.Expression[] {
  const { named, namespaces } = electronBindings(source.sf);
  const locals = new Set([...named].filter(([, imported]) => imported === name).map(([local]) => local));
  const isModule = (expr: ts.Expression): boolean =>
    (ts.isIdentifier(expr) && namespaces.has(expr.text)) || isRequireOf(expr, ELECTRON_MODULES);
  const found: ts.Expression[] = [];
  visit(source.sf, (node) => {
    if (ts.isIdentifier(node) && locals.has(node.text) && !isDeclarationOrPropertyName(node)) found.push(node);
    if (ts.isPropertyAccessExpression(node) && node.name.text === name && isModule(node.expression)) found.push(node);
    if (
      ts.isElementAccessExpression(node) &&
      ts.isStringLiteralLike(node.argumentExpression) &&
      node.argumentExpression.text === name &&
      isModule(node.expression)
    ) {
      found.push(node);
    }
  });
  return found;
}

/** `ref.method(...)`: the call, if `ref` is used exactly as the receiver of a direct method call. */
function methodCallOn(ref: ts.Expression): { method: string; call: ts.CallExpression } | null {
  const access = ref.parent;
  if (!ts.isPropertyAccessExpression(access) || access.expression !== ref) return null;
  const call = access.parent;
  if (!ts.isCallExpression(call) || call.expression !== access) return null;
  return { method: access.name.text, call };
}

/** The module a file imports `name` from (as written), or null. */
export function importSourceOf(sf: ts.SourceFile, name: string): string | null {
  for (const stmt of sf.statements) {
    if (!ts.isImportDeclaration(stmt) || !ts.isStringLiteral(stmt.moduleSpecifier)) continue;
    const bindings = stmt.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings) && bindings.elements.some((el) => el.name.text === name)) {
      return stmt.moduleSpecifier.text;
    }
  }
  return null;
}

/** Whether `name` in this file is imported from src/shared/<module>. */
function importedFromShared(source: Source, name: string, module: string): boolean {
  const from = importSourceOf(source.sf, name);
  return from !== null && new RegExp(`(^|/)shared/${module}$`).test(from);
}

function isFunctionLike(node: ts.Node): node is ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node);
}

function containsNode(root: ts.Node, test: (node: ts.Node) => boolean): boolean {
  let hit = false;
  visit(root, (node) => {
    if (!hit && test(node)) hit = true;
  });
  return hit;
}

// ---------------------------------------------------------------------------------------
// IPC: one registration module, one ipcMain.handle, over IPC_CHANNELS, into the router.

export interface IpcRegistrationReport {
  /** The files that touch ipcMain (the property wants exactly one). */
  modules: string[];
  violations: string[];
}

/** The loop variable when `call` sits in `for (const c of IPC_CHANNELS)` or `IPC_CHANNELS.forEach((c) => …)`. */
function channelLoopVariable(source: Source, call: ts.Node): string | null {
  for (let node: ts.Node = call.parent; !ts.isSourceFile(node); node = node.parent) {
    if (
      ts.isForOfStatement(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'IPC_CHANNELS' &&
      importedFromShared(source, 'IPC_CHANNELS', 'ipc-contract') &&
      ts.isVariableDeclarationList(node.initializer) &&
      node.initializer.declarations.length === 1
    ) {
      const name = node.initializer.declarations[0]!.name;
      if (ts.isIdentifier(name)) return name.text;
    }
    if (
      isFunctionLike(node) &&
      ts.isCallExpression(node.parent) &&
      node.parent.arguments[0] === node &&
      ts.isPropertyAccessExpression(node.parent.expression) &&
      node.parent.expression.name.text === 'forEach' &&
      ts.isIdentifier(node.parent.expression.expression) &&
      node.parent.expression.expression.text === 'IPC_CHANNELS' &&
      importedFromShared(source, 'IPC_CHANNELS', 'ipc-contract') &&
      node.parameters[0] &&
      ts.isIdentifier(node.parameters[0].name)
    ) {
      return node.parameters[0].name.text;
    }
  }
  return null;
}

/** Property names that reach raw IPC on a WebContents, bypassing ipcMain entirely. */
const WEB_CONTENTS_IPC_METHODS = new Set(['handle', 'handleOnce', 'on', 'once', 'addListener', 'prependListener']);
const RAW_IPC_EVENTS = new Set(['ipc-message', 'ipc-message-sync']);

export function checkIpcRegistration(srcDir: string, root: string): IpcRegistrationReport {
  const violations: string[] = [];
  const modules: string[] = [];
  let handleCalls = 0;

  for (const source of loadSources(srcDir, root)) {
    const refs = electronReferences(source, 'ipcMain');
    if (refs.length > 0) modules.push(source.file);
    for (const ref of refs) {
      const use = methodCallOn(ref);
      if (!use || use.method !== 'handle') {
        violations.push(
          `${where(source, ref)}: ipcMain is used ${use ? `as ipcMain.${use.method}()` : 'as a value'}; only ipcMain.handle() inside the channel loop is allowed`,
        );
        continue;
      }
      handleCalls += 1;
      const channel = channelLoopVariable(source, use.call);
      if (!channel) {
        violations.push(
          `${where(source, use.call)}: ipcMain.handle() is not inside \`for (const channel of IPC_CHANNELS)\` (IPC_CHANNELS from src/shared/ipc-contract)`,
        );
        continue;
      }
      const [first, handler] = use.call.arguments;
      if (!first || !ts.isIdentifier(first) || first.text !== channel) {
        violations.push(
          `${where(source, use.call)}: ipcMain.handle() registers something other than the loop's channel`,
        );
      }
      const routed =
        handler !== undefined &&
        (ts.isArrowFunction(handler) || ts.isFunctionExpression(handler)) &&
        containsNode(
          handler.body,
          (node) =>
            ts.isCallExpression(node) &&
            ts.isPropertyAccessExpression(node.expression) &&
            node.expression.name.text === 'invoke' &&
            node.arguments.length >= 2 &&
            ts.isIdentifier(node.arguments[0]!) &&
            node.arguments[0].text === channel,
        );
      if (!routed) {
        violations.push(
          `${where(source, use.call)}: the handler does not pass the channel and payload to the router (\`<router>.invoke(${channel}, payload, …)\`)`,
        );
      }
    }

    visit(source.sf, (node) => {
      if (
        ts.isPropertyAccessExpression(node) &&
        WEB_CONTENTS_IPC_METHODS.has(node.name.text) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === 'ipc'
      ) {
        violations.push(
          `${where(source, node)}: WebContents.ipc.${node.name.text}() bypasses the one IPC registration`,
        );
      }
      if (ts.isStringLiteralLike(node) && RAW_IPC_EVENTS.has(node.text)) {
        violations.push(`${where(source, node)}: the raw '${node.text}' event bypasses the one IPC registration`);
      }
    });
  }

  if (modules.length > 1)
    violations.push(`ipcMain is used in ${modules.length} modules (${modules.join(', ')}); one only`);
  if (modules.length === 0) violations.push('no module registers IPC through ipcMain.handle()');
  if (handleCalls > 1) violations.push(`ipcMain.handle() is called in ${handleCalls} places; one loop only`);
  return { modules, violations };
}

/** ipcRenderer belongs to the preload; anywhere else it is a second, unchecked door. */
export function checkIpcRendererConfined(srcDir: string, preloadDir: string, root: string = srcDir): string[] {
  const violations: string[] = [];
  const preload = path.resolve(preloadDir) + path.sep;
  for (const source of loadSources(srcDir, root)) {
    if (source.absolute.startsWith(preload)) continue;
    for (const ref of electronReferences(source, 'ipcRenderer')) {
      violations.push(`${where(source, ref)}: ipcRenderer outside src/preload`);
    }
  }
  return violations;
}

// ---------------------------------------------------------------------------------------
// Preload: one exposeInMainWorld, of the API built from API_METHODS; nothing of Node's.

/** Names that reach Node or the module system from a preload. */
const NODE_GLOBALS = new Set([
  'require',
  'process',
  'module',
  'exports',
  '__dirname',
  '__filename',
  'Buffer',
  'global',
]);
/** contextBridge calls that hand the page something other than the one API object. */
const OTHER_BRIDGE_CALLS = new Set(['exposeInIsolatedWorld', 'executeInMainWorld']);

export function checkPreloadSource(preloadDir: string, sharedDir: string, root: string): string[] {
  const violations: string[] = [];
  const sources = loadSources(preloadDir, root);
  const exposeCalls: { source: Source; call: ts.CallExpression }[] = [];
  const preloadRoot = path.resolve(preloadDir);
  const sharedRoot = path.resolve(sharedDir);

  if (sources.length === 0) violations.push(`no preload source in ${preloadDir}`);
  for (const source of sources) {
    for (const stmt of source.sf.statements) {
      if (!ts.isImportDeclaration(stmt) || !ts.isStringLiteral(stmt.moduleSpecifier)) continue;
      const spec = stmt.moduleSpecifier.text;
      if (spec === 'electron') {
        const bindings = stmt.importClause?.namedBindings;
        const names =
          bindings && ts.isNamedImports(bindings)
            ? bindings.elements.map((el) => (el.propertyName ?? el.name).text)
            : [];
        const bad = stmt.importClause?.name || !bindings || !ts.isNamedImports(bindings);
        const extra = names.filter((name) => name !== 'contextBridge' && name !== 'ipcRenderer');
        if (bad || extra.length > 0) {
          violations.push(
            `${where(source, stmt)}: the preload imports ${bad ? 'the whole electron module' : extra.join(', ')} from electron; only contextBridge and ipcRenderer`,
          );
        }
        continue;
      }
      const resolved = spec.startsWith('.') ? path.resolve(path.dirname(source.absolute), spec) : null;
      const inside = (dir: string): boolean =>
        resolved !== null && (resolved === dir || resolved.startsWith(dir + path.sep));
      if (!inside(sharedRoot) && !inside(preloadRoot)) {
        violations.push(`${where(source, stmt)}: the preload imports '${spec}'; only electron, src/shared and itself`);
      }
    }

    visit(source.sf, (node) => {
      if (ts.isIdentifier(node) && NODE_GLOBALS.has(node.text) && !isDeclarationOrPropertyName(node)) {
        violations.push(`${where(source, node)}: the preload uses ${node.text}`);
      }
      const member =
        ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name)
          ? node.name.text
          : ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)
            ? node.argumentExpression.text
            : null;
      if (member && OTHER_BRIDGE_CALLS.has(member)) {
        violations.push(`${where(source, node)}: contextBridge.${member}() hands the page something besides the API`);
      }
      if (member === 'exposeInMainWorld') {
        const call = node.parent;
        if (ts.isCallExpression(call) && call.expression === node) exposeCalls.push({ source, call });
        else violations.push(`${where(source, node)}: exposeInMainWorld is used other than as a direct call`);
      }
    });

    for (const ref of electronReferences(source, 'ipcRenderer')) {
      const use = methodCallOn(ref);
      if (!use || use.method !== 'invoke') {
        violations.push(
          `${where(source, ref)}: ipcRenderer is used ${use ? `as ipcRenderer.${use.method}()` : 'as a value'}; only ipcRenderer.invoke() calls`,
        );
      }
    }
    for (const ref of electronReferences(source, 'contextBridge')) {
      const use = methodCallOn(ref);
      if (!use || use.method !== 'exposeInMainWorld') {
        violations.push(`${where(source, ref)}: contextBridge is used other than for exposeInMainWorld()`);
      }
    }
  }

  if (exposeCalls.length !== 1) {
    violations.push(`the preload calls exposeInMainWorld ${exposeCalls.length} times; exactly once`);
  }
  for (const { source, call } of exposeCalls) {
    const [name, api, ...rest] = call.arguments;
    if (
      !name ||
      !ts.isIdentifier(name) ||
      name.text !== 'API_GLOBAL' ||
      !importedFromShared(source, 'API_GLOBAL', 'ipc-contract')
    ) {
      violations.push(
        `${where(source, call)}: exposeInMainWorld's name is not API_GLOBAL from src/shared/ipc-contract`,
      );
    }
    if (rest.length > 0 || !api || !builtFromApiMethods(source, api)) {
      violations.push(
        `${where(source, call)}: the exposed object is not built from API_METHODS (src/shared/ipc-contract)`,
      );
    }
  }
  return violations;
}

/** The exposed value mentions API_METHODS, directly or through the const it names. */
function builtFromApiMethods(source: Source, api: ts.Expression): boolean {
  if (!importedFromShared(source, 'API_METHODS', 'ipc-contract')) return false;
  const mentions = (node: ts.Node): boolean =>
    containsNode(node, (n) => ts.isIdentifier(n) && n.text === 'API_METHODS');
  if (!ts.isIdentifier(api)) return mentions(api);
  let found = false;
  visit(source.sf, (node) => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.name.text === api.text &&
      ts.isVariableDeclarationList(node.parent) &&
      (node.parent.flags & ts.NodeFlags.Const) !== 0 &&
      node.initializer &&
      mentions(node.initializer)
    ) {
      found = true;
    }
  });
  return found;
}

// ---------------------------------------------------------------------------------------
// shell.openExternal: one call site, behind isAllowedExternalUrl.

export interface OpenExternalReport {
  /** "file:line" of each shell.openExternal call. */
  callSites: string[];
  violations: string[];
}

/** `if (!isAllowedExternalUrl(arg)) throw …/return …;` */
function isAllowlistGuard(stmt: ts.Statement, arg: string): boolean {
  if (!ts.isIfStatement(stmt) || stmt.elseStatement) return false;
  const cond = stmt.expression;
  const guarded =
    ts.isPrefixUnaryExpression(cond) &&
    cond.operator === ts.SyntaxKind.ExclamationToken &&
    ts.isCallExpression(cond.operand) &&
    ts.isIdentifier(cond.operand.expression) &&
    cond.operand.expression.text === 'isAllowedExternalUrl' &&
    cond.operand.arguments.length === 1 &&
    ts.isIdentifier(cond.operand.arguments[0]!) &&
    cond.operand.arguments[0].text === arg;
  if (!guarded) return false;
  const exits = (s: ts.Statement): boolean => ts.isThrowStatement(s) || ts.isReturnStatement(s);
  const then = stmt.thenStatement;
  return exits(then) || (ts.isBlock(then) && then.statements.length > 0 && exits(then.statements.at(-1)!));
}

export function checkOpenExternal(srcDir: string, root: string): OpenExternalReport {
  const violations: string[] = [];
  const callSites: string[] = [];
  for (const source of loadSources(srcDir, root)) {
    for (const ref of electronReferences(source, 'shell')) {
      const use = methodCallOn(ref);
      if (!use) {
        // Passing shell around, destructuring it or calling through a variable hides the call.
        violations.push(`${where(source, ref)}: shell is used as a value; call shell.openExternal() directly`);
        continue;
      }
      if (use.method !== 'openExternal') continue;
      callSites.push(where(source, use.call));
      const arg = use.call.arguments[0];
      const fn = enclosingFunction(use.call);
      const statement = statementIn(fn, use.call);
      if (!fn || !statement || !arg || !ts.isIdentifier(arg) || use.call.arguments.length > 2) {
        violations.push(
          `${where(source, use.call)}: shell.openExternal() must take a variable checked by isAllowedExternalUrl in the same function`,
        );
        continue;
      }
      const body = (fn.body as ts.Block).statements;
      const guardIndex = body.findIndex((stmt) => isAllowlistGuard(stmt, arg.text));
      const callIndex = body.indexOf(statement);
      const reassigned = containsNode(
        fn.body!,
        (node) =>
          ts.isBinaryExpression(node) &&
          node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
          node.operatorToken.kind <= ts.SyntaxKind.LastAssignment &&
          ts.isIdentifier(node.left) &&
          node.left.text === arg.text,
      );
      if (guardIndex === -1 || guardIndex > callIndex || reassigned) {
        violations.push(
          `${where(source, use.call)}: shell.openExternal(${arg.text}) is not preceded by \`if (!isAllowedExternalUrl(${arg.text})) throw/return\``,
        );
      } else if (!importedFromShared(source, 'isAllowedExternalUrl', 'external-links')) {
        violations.push(
          `${where(source, use.call)}: isAllowedExternalUrl is not the one from src/shared/external-links`,
        );
      }
    }
  }
  if (callSites.length !== 1) {
    violations.push(
      `shell.openExternal() is called in ${callSites.length} places (${callSites.join(', ') || 'none'}); exactly one, guarded`,
    );
  }
  return { callSites, violations };
}

function enclosingFunction(node: ts.Node): (ts.FunctionLikeDeclaration & { body: ts.Block }) | null {
  for (let current = node.parent; !ts.isSourceFile(current); current = current.parent) {
    if (ts.isFunctionLike(current)) {
      const fn = current as ts.FunctionLikeDeclaration;
      return fn.body && ts.isBlock(fn.body) ? (fn as ts.FunctionLikeDeclaration & { body: ts.Block }) : null;
    }
  }
  return null;
}

/** The statement of `fn`'s body that contains `node`. */
function statementIn(fn: (ts.FunctionLikeDeclaration & { body: ts.Block }) | null, node: ts.Node): ts.Statement | null {
  if (!fn) return null;
  let current: ts.Node = node;
  while (current.parent && current.parent !== fn.body) current = current.parent;
  return current.parent === fn.body ? (current as ts.Statement) : null;
}
