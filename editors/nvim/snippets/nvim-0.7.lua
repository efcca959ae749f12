-- stackls for Neovim 0.7 without nvim-lspconfig: put this in init.lua.
-- It starts one server per project root and attaches every container file.
local stackls = {
  cmd = { 'stackls', 'serve', '--stdio' },
  filetypes = { 'dockerfile', 'yaml.docker-compose', 'yaml', 'sh', 'make', 'conf', 'nginx' },
  root_markers = { 'compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml', '.git' },
  clients = {}, -- client id by root folder
}

-- Returns the nearest folder above path that contains a root marker, or
-- the file's own folder.
function stackls.root(path)
  local dir = vim.fn.fnamemodify(path, ':p:h')
  while true do
    for _, marker in ipairs(stackls.root_markers) do
      if vim.loop.fs_stat(dir .. '/' .. marker) then
        return dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then
      return vim.fn.fnamemodify(path, ':p:h')
    end
    dir = parent
  end
end

function stackls.attach(bufnr)
  local path = vim.api.nvim_buf_get_name(bufnr)
  if path == '' then
    return
  end
  local root = stackls.root(path)
  local id = stackls.clients[root]
  if id == nil or vim.lsp.get_client_by_id(id) == nil then
    id = vim.lsp.start_client({ name = 'stackls', cmd = stackls.cmd, root_dir = root })
    stackls.clients[root] = id
  end
  if id ~= nil then
    vim.lsp.buf_attach_client(bufnr, id)
  end
end

vim.api.nvim_create_autocmd('FileType', {
  pattern = stackls.filetypes,
  callback = function(args)
    stackls.attach(args.buf)
  end,
})
