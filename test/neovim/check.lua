-- Headless Neovim (Debian's 0.7, and every later version) as a user would have it: the language
-- server started with vim.lsp.start_client and attached to a YAML buffer. Checks diagnostics, a
-- hover, completion inserts (one plain line each) and a quick-fix applied through Neovim's own
-- workspace-edit code. Run by test/neovim/run.sh; KW_SERVER is the server command, KW_FILE a copy
-- of a manifest with a misspelt key. Exits 0 when every check passed, 1 otherwise.
local server, file = os.getenv('KW_SERVER'), os.getenv('KW_FILE')

local function fail(message)
  io.stderr:write('neovim check FAILED: ' .. message .. '\n')
  vim.cmd('cquit 1')
end

local function ok(message)
  io.stdout:write('  ok  ' .. message .. '\n')
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = 'kube_workloads',
  cmd = { server },
  root_dir = vim.fn.fnamemodify(file, ':h'),
  settings = { kubeWorkloads = { kubernetesVersion = '1.36', preset = 'recommended' } },
})
if not client_id then fail('the server did not start: ' .. server) end
vim.lsp.buf_attach_client(bufnr, client_id)
local client = vim.lsp.get_client_by_id(client_id)

local function unknown_field()
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.message:find('Unknown field "replicass"', 1, true) then return d end
  end
end

if not vim.wait(30000, function() return unknown_field() ~= nil end, 50) then
  fail('no diagnostic for the unknown field "replicass" (got ' .. #vim.diagnostic.get(bufnr) .. ' diagnostics)')
end
local diagnostic = unknown_field()
ok('diagnostics: ' .. #vim.diagnostic.get(bufnr) .. ', among them "' .. diagnostic.message .. '"')

local uri = vim.uri_from_bufnr(bufnr)
local function request(method, params)
  local answers = vim.lsp.buf_request_sync(bufnr, method, params, 10000)
  local answer = answers and answers[client_id]
  if not answer then fail(method .. ': no answer') end
  if answer.err then fail(method .. ': ' .. vim.inspect(answer.err)) end
  return answer.result
end

-- Hover on `selector` of the Deployment's spec (line 8, 0-based 7).
local hover = request('textDocument/hover', { textDocument = { uri = uri }, position = { line = 7, character = 4 } })
local text = hover and (type(hover.contents) == 'table' and (hover.contents.value or vim.inspect(hover.contents)) or hover.contents) or ''
if not text:find('Label selector for pods', 1, true) then fail('hover on selector: ' .. text) end
ok('hover: ' .. text:gsub('\n.*', '') )

-- Neovim 0.7 announces no snippet support: every key completion inserts one plain line.
local items = request('textDocument/completion', { textDocument = { uri = uri }, position = { line = 18, character = 10 } })
items = items and (items.items or items) or {}
if #items == 0 then fail('no completion items in the container') end
for _, item in ipairs(items) do
  local insert = (item.textEdit and item.textEdit.newText) or item.insertText or item.label
  if insert:find('[\n%z]') or item.insertTextFormat == 2 then fail('completion ' .. item.label .. ' inserts ' .. vim.inspect(insert)) end
end
ok('completion: ' .. #items .. ' items, each one plain line')

-- The quick-fix for the misspelt key, applied with Neovim's own workspace-edit code.
local range = {
  start = { line = diagnostic.lnum, character = diagnostic.col },
  ['end'] = { line = diagnostic.end_lnum, character = diagnostic.end_col },
}
local sent = { range = range, message = diagnostic.message, code = diagnostic.code, severity = diagnostic.severity, source = diagnostic.source }
local actions = request('textDocument/codeAction', { textDocument = { uri = uri }, range = range, context = { diagnostics = { sent } } })
local rename
for _, action in ipairs(actions or {}) do
  if action.title:find('to "replicas"', 1, true) then rename = action end
end
if not rename or not rename.edit then fail('no "Rename … to replicas" action with an edit: ' .. vim.inspect(actions)) end
vim.lsp.util.apply_workspace_edit(rename.edit, client.offset_encoding or 'utf-16')
local line = vim.api.nvim_buf_get_lines(bufnr, diagnostic.lnum, diagnostic.lnum + 1, false)[1]
if line ~= '  replicas: 2 # two are enough' then fail('after the fix the line reads ' .. vim.inspect(line)) end
if not vim.wait(30000, function() return unknown_field() == nil end, 50) then fail('the unknown-field diagnostic stayed after the fix') end
ok('code action "' .. rename.title .. '" applied: ' .. line)

vim.lsp.stop_client(client_id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
vim.cmd('qa!')
