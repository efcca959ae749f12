-- stackls for Neovim 0.8 to 0.10 without nvim-lspconfig: put this in
-- init.lua. vim.lsp.start reuses the running server of the same root.
vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'dockerfile', 'yaml.docker-compose', 'yaml', 'sh', 'bash', 'make', 'env', 'conf', 'nginx' },
  callback = function(args)
    local path = vim.api.nvim_buf_get_name(args.buf)
    if path == '' then
      return
    end
    local markers = { 'compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml', '.git' }
    local found = vim.fs.find(markers, { upward = true, path = vim.fs.dirname(path) })[1]
    vim.lsp.start({
      name = 'stackls',
      cmd = { 'stackls', 'serve', '--stdio' },
      root_dir = found and vim.fs.dirname(found) or vim.fs.dirname(path),
    })
  end,
})
