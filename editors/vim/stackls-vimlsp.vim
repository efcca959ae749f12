" stackls for Vim through vim-lsp (https://github.com/prabirshrestha/vim-lsp).
" Source this file from your vimrc, or copy it there.

" Returns the URI of the buffer's Git root, else of the nearest folder above
" it that holds a Makefile (the one that runs docker compose, often above
" srcs/), else one that holds a compose file, else of its own folder.
function! StacklsRootURI() abort
    let l:path = lsp#utils#get_buffer_path()
    for l:group in [['.git'], ['Makefile', 'makefile', 'GNUmakefile'], ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml']]
        for l:marker in l:group
            let l:found = lsp#utils#find_nearest_parent_file_directory(l:path, l:marker)
            if !empty(l:found)
                return lsp#utils#path_to_uri(l:found)
            endif
        endfor
    endfor
    return lsp#utils#path_to_uri(fnamemodify(l:path, ':p:h'))
endfunction

if executable('stackls')
    augroup stackls_vimlsp
        autocmd!
        autocmd User lsp_setup call lsp#register_server({
        \   'name': 'stackls',
        \   'cmd': {server_info -> ['stackls', 'serve', '--stdio']},
        \   'root_uri': {server_info -> StacklsRootURI()},
        \   'allowlist': ['dockerfile', 'yaml', 'sh', 'make', 'conf', 'nginx'],
        \ })
    augroup END
endif
