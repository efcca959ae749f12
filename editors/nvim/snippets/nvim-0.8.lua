-- stackls for Neovim 0.8 to 0.10 without nvim-lspconfig: put this in
-- init.lua. vim.lsp.start reuses the running server of the same root.
vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'dockerfile', 'yaml.docker-compose', 'yaml', 'sh', 'bash', 'make', 'env', 'conf', 'nginx' },
  callback = function(args)
    local path = vim.api.nvim_buf_get_name(args.buf)
    if path == '' then
      return
    end
    -- The git root, else the Makefile that runs docker compose (often above
    -- srcs/), else the compose file's folder.
    local groups = {
      { '.git' },
      { 'Makefile', 'makefile', 'GNUmakefile' },
      { 'compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml' },
    }
    local found
    for _, markers in ipairs(groups) do
      found = found or vim.fs.find(markers, { upward = true, path = vim.fs.dirname(path) })[1]
    end
    vim.lsp.start({
      name = 'stackls',
      cmd = { 'stackls', 'serve', '--stdio' },
      root_dir = found and vim.fs.dirname(found) or vim.fs.dirname(path),
    })
  end,
})
