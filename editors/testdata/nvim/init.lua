-- Headless Neovim driver for editors/nvim_test.go. It loads the stackls
-- config that a user of this Neovim version would use and opens the file
-- given on the command line. After the client attaches, it writes the
-- hover, definition and diagnostics it received to $OUT as JSON.
--
-- Environment:
--   STACKLS_NVIM_DIR  editors/nvim, prepended to 'runtimepath'
--   MODE              enable (0.11+, lsp/stackls.lua), start (0.8+ snippet),
--                     start_client (0.7 snippet)
--   OUT               JSON result file
--   HOVER_POS, DEF_POS  "line:character", 0-based, UTF-16; without them the
--                     driver stops after the client attaches
--   WAIT_MS           how long to wait for each step (default 10000)
local uv = vim.uv or vim.loop
local out_path = assert(os.getenv('OUT'), 'OUT is not set')
local mode = assert(os.getenv('MODE'), 'MODE is not set')
local config_dir = assert(os.getenv('STACKLS_NVIM_DIR'), 'STACKLS_NVIM_DIR is not set')
local wait_ms = tonumber(os.getenv('WAIT_MS') or '10000')
local version = vim.version()
local result = {
  nvim = string.format('%d.%d.%d', version.major, version.minor, version.patch),
  mode = mode,
  log = {},
}

vim.opt.runtimepath:prepend(config_dir)
if mode == 'enable' then
  vim.lsp.enable('stackls')
elseif mode == 'start' then
  dofile(config_dir .. '/snippets/nvim-0.8.lua')
elseif mode == 'start_client' then
  dofile(config_dir .. '/snippets/nvim-0.7.lua')
else
  error('unknown MODE ' .. mode)
end

local function write_and_quit(code)
  local file = assert(io.open(out_path, 'w'))
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd(code == 0 and 'qall!' or 'cquit ' .. code)
end

local function position(name)
  local line, character = (os.getenv(name) or ''):match('^(%d+):(%d+)$')
  assert(line, name .. ' must be "line:character"')
  return { line = tonumber(line), character = tonumber(character) }
end

local function clients_of(bufnr)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ bufnr = bufnr, name = 'stackls' })
  end
  local found = {}
  for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
    if client.name == 'stackls' then
      found[#found + 1] = client
    end
  end
  return found
end

local function is_empty(value)
  return value == nil or value == vim.NIL or (type(value) == 'table' and next(value) == nil)
end

-- Sends a request until it returns a non-empty result, because a server may
-- return null while it is still indexing the workspace after the first didOpen.
local function request(bufnr, client_id, method, pos)
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = pos }
  local deadline = uv.now() + wait_ms
  local last_error
  repeat
    local responses = vim.lsp.buf_request_sync(bufnr, method, params, wait_ms)
    local response = responses and responses[client_id]
    if response then
      last_error = response.err or response.error
      if not is_empty(response.result) then
        return response.result, nil
      end
    end
    vim.wait(200)
    uv.update_time()
  until uv.now() > deadline
  return nil, last_error and vim.inspect(last_error) or 'empty result'
end

local function hover_text(hover)
  if is_empty(hover) or is_empty(hover.contents) then
    return nil
  end
  return table.concat(vim.lsp.util.convert_input_to_markdown_lines(hover.contents), '\n')
end

local function locations(def)
  if is_empty(def) then
    return {}
  end
  if def.uri or def.targetUri then
    def = { def }
  end
  local list = {}
  for _, loc in ipairs(def) do
    local range = loc.targetSelectionRange or loc.range
    list[#list + 1] = { uri = loc.uri or loc.targetUri, line = range.start.line, character = range.start.character }
  end
  return list
end

local function run()
  local bufnr = vim.api.nvim_get_current_buf()
  result.file = vim.api.nvim_buf_get_name(bufnr)
  result.filetype = vim.bo[bufnr].filetype

  local attached = vim.wait(wait_ms, function()
    local client = clients_of(bufnr)[1]
    return client ~= nil and client.initialized == true
  end, 50)
  if not attached then
    result.log[#result.log + 1] = 'no initialized stackls client attached within ' .. wait_ms .. ' ms'
    return write_and_quit(3)
  end
  local client = clients_of(bufnr)[1]
  result.client = { name = client.name, root_dir = client.config.root_dir }
  if os.getenv('HOVER_POS') == nil then
    return write_and_quit(0)
  end

  local hover, hover_err = request(bufnr, client.id, 'textDocument/hover', position('HOVER_POS'))
  result.hover = hover_text(hover)
  result.hover_error = hover_err

  local def, def_err = request(bufnr, client.id, 'textDocument/definition', position('DEF_POS'))
  result.definition = locations(def)
  result.definition_error = def_err

  vim.wait(wait_ms, function()
    return #vim.diagnostic.get(bufnr) > 0
  end, 50)
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    result.diagnostics[#result.diagnostics + 1] = {
      line = d.lnum,
      character = d.col,
      end_line = d.end_lnum,
      end_character = d.end_col,
      severity = d.severity,
      message = d.message,
      code = d.code,
      source = d.source,
    }
  end
  write_and_quit(0)
end

-- Quits after 4 * WAIT_MS even when a step hangs; the Go test also kills
-- nvim after 2 minutes.
vim.defer_fn(function()
  result.log[#result.log + 1] = 'watchdog fired'
  write_and_quit(4)
end, 4 * wait_ms)

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    local ok, err = pcall(run)
    if not ok then
      result.log[#result.log + 1] = 'lua error: ' .. tostring(err)
      write_and_quit(5)
    end
  end,
})
