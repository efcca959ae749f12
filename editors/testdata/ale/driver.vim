" Headless Vim + ALE driver for editors/vim_test.go. Usage:
"   OUT=result.json STACKLS_VIM=editors/vim/stackls-ale.vim HOVER_POS=L:C DEF_POS=L:C \
"     vim -N -u driver.vim -i NONE -n -es FILE
" Positions in the environment are 0-based; ALE's message helpers take
" 1-based lines and columns. The result holds the raw hover and definition
" responses and the diagnostics in 0-based lines and characters.
set nocompatible
set runtimepath^=/usr/share/vim-ale
filetype plugin on
let g:ale_lint_on_text_changed = 'never'
let g:ale_linters = {'sh': ['stackls']}
execute 'source' fnameescape($STACKLS_VIM)

let s:result = {'log': []}
let s:hover = v:null
let s:definition = v:null

function! s:Wait(condition, ms) abort
    let l:waited = 0
    while !eval(a:condition) && l:waited < a:ms
        sleep 50m
        let l:waited += 50
    endwhile
    return eval(a:condition)
endfunction

function! s:OnHover(response) abort
    let s:hover = a:response
endfunction

function! s:OnDefinition(response) abort
    let s:definition = a:response
endfunction

function! s:Position(name) abort
    let l:parts = split(getenv(a:name), ':')
    return [str2nr(l:parts[0]) + 1, str2nr(l:parts[1]) + 1]
endfunction

function! s:Empty(response) abort
    return a:response is v:null || empty(get(a:response, 'result', v:null))
endfunction

" Sends a request until it returns a non-empty result: a server may answer
" null while it still indexes the workspace.
function! s:Request(buffer, kind, Handler, variable) abort
    let [l:line, l:col] = s:Position(a:kind is# 'hover' ? 'HOVER_POS' : 'DEF_POS')
    let l:tries = 0
    while l:tries < 20
        execute 'let ' . a:variable . ' = v:null'
        let l:message = a:kind is# 'hover'
        \   ? ale#lsp#message#Hover(a:buffer, l:line, l:col)
        \   : ale#lsp#message#Definition(a:buffer, l:line, l:col)
        call ale#lsp_linter#SendRequest(a:buffer, 'stackls', l:message, a:Handler)
        call s:Wait(a:variable . ' isnot v:null', 10000)
        if !s:Empty(eval(a:variable))
            return
        endif
        sleep 500m
        let l:tries += 1
    endwhile
endfunction

function! s:Main() abort
    let l:buffer = bufnr('%')
    let s:result.filetype = &filetype
    ALELint
    call s:Request(l:buffer, 'hover', function('s:OnHover'), 's:hover')
    let s:result.hover = s:hover
    call s:Request(l:buffer, 'definition', function('s:OnDefinition'), 's:definition')
    let s:result.definition = s:definition
    call s:Wait('!empty(get(get(g:ale_buffer_info, ' . l:buffer . ', {}), "loclist", []))', 10000)
    let s:result.diagnostics = []
    for l:item in get(get(g:ale_buffer_info, l:buffer, {}), 'loclist', [])
        call add(s:result.diagnostics, {
        \   'line': l:item.lnum - 1,
        \   'character': l:item.col - 1,
        \   'end_line': get(l:item, 'end_lnum', l:item.lnum) - 1,
        \   'end_character': get(l:item, 'end_col', l:item.col),
        \   'type': l:item.type,
        \   'message': l:item.text,
        \   'linter': get(l:item, 'linter_name', ''),
        \})
    endfor
    let s:result.project_root = StacklsProjectRoot(l:buffer)
endfunction

function! s:Run() abort
    try
        call s:Main()
    catch
        call add(s:result.log, 'vim error: ' . v:exception . ' at ' . v:throwpoint)
    endtry
    call writefile([json_encode(s:result)], $OUT)
endfunction

" Plugins and the file argument load after this file, so work starts on VimEnter.
autocmd VimEnter * call s:Run() | qall!
