-- stackls in the shape that nvim-lspconfig before 2.0 reads
-- (`require('lspconfig').stackls.setup({})`, Neovim 0.8 to 0.10).
local util = require('lspconfig.util')

return {
  default_config = {
    cmd = { 'stackls', 'serve', '--stdio' },
    filetypes = {
      'dockerfile',
      'yaml.docker-compose',
      'yaml',
      'sh',
      'bash',
      'make',
      'env',
      'conf',
      'nginx',
    },
    -- The root is the whole stack: the git root, else the folder of the
    -- Makefile that runs docker compose (often above srcs/), else the
    -- compose file's folder.
    root_dir = function(fname)
      return util.root_pattern('.git')(fname)
        or util.root_pattern('Makefile', 'makefile', 'GNUmakefile')(fname)
        or util.root_pattern('compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml')(fname)
    end,
    single_file_support = true,
  },
  docs = {
    description = [[
https://github.com/stackls/stackls

A language server for the container stack of a project: Dockerfiles, compose
files, the entrypoint scripts and config files copied into the images, `.env`
files and the Makefile that drives `docker compose`.

```sh
go install github.com/stackls/stackls/cmd/stackls@latest
```

Neovim gives compose files the filetype `yaml`, which this config attaches to
as well; see `:help vim.filetype.add()` to give them `yaml.docker-compose`.
]],
  },
}
