/**
 * vscode-languageclient, bundled on its own (dist/languageClient.js) so that loading the
 * extension's entry module does not even parse it; languageClient.ts imports it after activation.
 */
export * from 'vscode-languageclient/node';
