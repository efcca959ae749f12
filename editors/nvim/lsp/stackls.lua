---@brief
---
--- https://github.com/stackls/stackls
---
--- A language server for the container stack of a project: Dockerfiles,
--- compose files, the entrypoint scripts and config files copied into the
--- images, `.env` files and the Makefile that drives `docker compose`. A
--- service name used as a host in an entrypoint (`mariadb:3306`) goes to the
--- service in the compose file, and `${VAR}` in a compose file shows its value
--- from `.env`.
---
--- Install the binary with Go:
---
--- ```sh
--- go install github.com/stackls/stackls/cmd/stackls@latest
--- ```
---
--- Neovim gives compose files the filetype `yaml`, which this config attaches
--- to as well. To tell compose files apart from other YAML (for other tools,
--- or to narrow `filetypes`), give them `yaml.docker-compose`:
---
--- ```lua
--- vim.filetype.add({
---   filename = {
---     ['compose.yaml'] = 'yaml.docker-compose',
---     ['compose.yml'] = 'yaml.docker-compose',
---     ['docker-compose.yaml'] = 'yaml.docker-compose',
---     ['docker-compose.yml'] = 'yaml.docker-compose',
---   },
---   pattern = {
---     ['.*/compose%.[^/]*%.ya?ml'] = 'yaml.docker-compose',
---     ['.*/docker%-compose%.[^/]*%.ya?ml'] = 'yaml.docker-compose',
---   },
--- })
--- ```

---@type vim.lsp.Config
return {
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
  -- compose file's folder. Earlier entries win (Neovim 0.11.3+).
  root_markers = {
    '.git',
    { 'Makefile', 'makefile', 'GNUmakefile' },
    { 'compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml' },
  },
}
