" stackls for Vim 8.2+ and Neovim through ALE (https://github.com/dense-analysis/ale).
" Source this file from your vimrc after ALE is loaded, or copy it there.
" It defines a `stackls` linter for every file kind stackls models; ALE
" runs one server per project root and gives it all of these buffers.

let g:stackls_executable = get(g:, 'stackls_executable', 'stackls')

" Returns the root of the buffer's Git repository, else the folder of the
" nearest Makefile above it (the one that runs docker compose, often above
" srcs/), else of the nearest compose file, else the buffer's own folder.
function! StacklsProjectRoot(buffer) abort
    let l:git = ale#path#FindNearestDirectory(a:buffer, '.git')
    if !empty(l:git)
        return fnamemodify(l:git, ':h:h')
    endif
    for l:group in [['Makefile', 'makefile', 'GNUmakefile'], ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml']]
        let l:best = ''
        for l:name in l:group
            let l:found = ale#path#FindNearestFile(a:buffer, l:name)
            if !empty(l:found) && len(l:found) > len(l:best)
                let l:best = l:found
            endif
        endfor
        if !empty(l:best)
            return fnamemodify(l:best, ':h')
        endif
    endfor
    return fnamemodify(bufname(a:buffer), ':p:h')
endfunction

for s:filetype in ['dockerfile', 'yaml', 'sh', 'make', 'conf', 'nginx']
    call ale#linter#Define(s:filetype, {
    \   'name': 'stackls',
    \   'lsp': 'stdio',
    \   'executable': {b -> g:stackls_executable},
    \   'command': '%e serve --stdio',
    \   'project_root': function('StacklsProjectRoot'),
    \})
endfor
unlet s:filetype
