-- Gives compose files the filetype `yaml.docker-compose`: Neovim's own
-- detection gives them `yaml`. The compound name keeps YAML syntax and
-- indentation and lets language clients tell compose files apart.
if vim.fn.has('nvim-0.8') == 1 then
  vim.filetype.add({
    filename = {
      ['compose.yaml'] = 'yaml.docker-compose',
      ['compose.yml'] = 'yaml.docker-compose',
      ['docker-compose.yaml'] = 'yaml.docker-compose',
      ['docker-compose.yml'] = 'yaml.docker-compose',
    },
    pattern = {
      ['.*/compose%.[^/]*%.ya?ml'] = 'yaml.docker-compose',
      ['.*/docker%-compose%.[^/]*%.ya?ml'] = 'yaml.docker-compose',
    },
  })
else
  -- NOTE: Neovim 0.7 runs vim.filetype.add rules only with
  -- vim.g.do_filetype_lua set before startup, so it gets an autocmd.
  vim.cmd([[
    augroup stackls_filetype
      autocmd!
      autocmd BufRead,BufNewFile compose.yaml,compose.yml,compose.*.yaml,compose.*.yml set filetype=yaml.docker-compose
      autocmd BufRead,BufNewFile docker-compose.yaml,docker-compose.yml,docker-compose.*.yaml,docker-compose.*.yml set filetype=yaml.docker-compose
    augroup END
  ]])
end
