" Vim filetype detection for aftercare protocols (*.care).
autocmd BufNewFile,BufRead *.care setfiletype aftercare
