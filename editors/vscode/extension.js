// extension.js -- the VS Code client of `aftercare lsp`: starts the
// language server for .care files; everything else is the server's.
'use strict';
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate() {
  const command = vscode.workspace.getConfiguration('aftercare').get('path') || 'aftercare';
  client = new LanguageClient(
    'aftercare',
    'aftercare',
    { command, args: ['lsp'] },
    { documentSelector: [{ scheme: 'file', language: 'aftercare' }] }
  );
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
