-- stackls for Neovim 0.7 without nvim-lspconfig: put this in init.lua.
-- It starts one server per project root and attaches every container file.
local stackls = {
  cmd = { 'stackls', 'serve', '--stdio' },
  filetypes = { 'dockerfile', 'yaml.docker-compose', 'yaml', 'sh', 'bash', 'make', 'env', 'conf', 'nginx' },
  -- Marker groups in priority order: the git root, else the Makefile that
  -- runs docker compose (often above srcs/), else the compose file's folder.
  root_markers = {
    { '.git' },
    { 'Makefile', 'makefile', 'GNUmakefile' },
    { 'compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml' },
  },
  clients = {}, -- client id by root folder
}

-- Returns the nearest folder above path that contains a marker of the first
-- group that has one, or the file's own folder.
function stackls.root(path)
  for _, group in ipairs(stackls.root_markers) do
    local dir = vim.fn.fnamemodify(path, ':p:h')
    while true do
      for _, marker in ipairs(group) do
        if vim.loop.fs_stat(dir .. '/' .. marker) then
          return dir
        end
      end
      local parent = vim.fn.fnamemodify(dir, ':h')
      if parent == dir then
        break
      end
      dir = parent
    end
  end
  return vim.fn.fnamemodify(path, ':p:h')
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
