#!/usr/bin/env node
// Starts the language server. Over stdio unless another transport is named (--node-ipc,
// --socket=<port>, --pipe=<name>), so an editor can run the command as it is.
const transports = /^--(stdio|node-ipc|socket=|pipe=)/;
if (!process.argv.slice(2).some((arg) => transports.test(arg))) process.argv.push('--stdio');
require('../dist/server.js');
