" Vim syntax file
" Language:    aftercare (aftercare protocols for scalp micropigmentation)
" Filenames:   *.care
" Maintainer:  the aftercare project (see README.md)
" Reference:   docs/language.md, aftercare-language(5)

if exists("b:current_syntax")
  finish
endif

let s:cpo_save = &cpo
set cpo&vim

syn case match
syn iskeyword @,48-57,_

" The keywords, by class: made from src/keywords.def and the tables of
" verdicts, levels and intensities (`make vim-syntax` writes them).
" ---- keywords
syn keyword aftercareStatement protocol extends activity group symptom fact
syn keyword aftercareStatement phase rule constraint triage expect document no
syn keyword aftercareStatement guidance for symptoms
syn keyword aftercareField     title version procedure language horizon
syn keyword aftercareField     sessions
syn keyword aftercareClause    because cites only if unless otherwise
syn keyword aftercareClause    overrides aliases level advice do dont why
syn keyword aftercareClause    statement context
syn keyword aftercareDays      day days week weeks first after from until
syn keyword aftercareDays      always before treatment final every session
syn keyword aftercareType      number boolean
syn keyword aftercareOperator  and or not at most least is
syn keyword aftercareVerdict   never forbidden conditional discouraged allowed
syn keyword aftercareVerdict   recommended unknown
syn keyword aftercareBoolean   true false
syn keyword aftercareQuery     can when on with the
syn keyword aftercareVerb      forbid discourage allow recommend
syn keyword aftercareLevel     normal monitor urgent
syn keyword aftercareIntensity mild moderate severe
" ---- end of keywords

" Citations of the guide: R5.1, T1.do
syn match   aftercareCitation   "\<[A-Za-z_][A-Za-z0-9_]*\%(\.[A-Za-z0-9_]\+\)\+\>"
syn match   aftercareNumber     "-\=\<\d\+\>"
syn match   aftercareRange      "\.\."
syn match   aftercareCompare    "<=\|>=\|==\|!=\|<\|>"
" A rule's or triage rule's name: rule NAME:
syn match   aftercareName       "\%(\<\%(rule\|triage\|constraint\)\s\+\)\@<=\h\w*"

syn region  aftercareString     start=+"+ skip=+\\\\\|\\"+ end=+"+ oneline contains=aftercareEscape,aftercareBadEscape
syn match   aftercareBadEscape  contained "\\."
syn match   aftercareEscape     contained "\\[\\"nt]"

syn match   aftercareTodo       contained "\<\%(TODO\|FIXME\|XXX\|CONTRADICTION\|LANGUAGE-GAP\)\>"
syn match   aftercareComment    "#.*$" contains=aftercareTodo,@Spell

syn region  aftercareBlock      start="{" end="}" transparent fold

hi def link aftercareStatement  Statement
hi def link aftercareField      Keyword
hi def link aftercareVerb       Keyword
hi def link aftercareClause     Keyword
hi def link aftercareDays       Special
hi def link aftercareType       Type
hi def link aftercareOperator   Operator
hi def link aftercareQuery      Keyword
hi def link aftercareVerdict    Constant
hi def link aftercareLevel      Constant
hi def link aftercareIntensity  Constant
hi def link aftercareBoolean    Boolean
hi def link aftercareCitation   Label
hi def link aftercareNumber     Number
hi def link aftercareRange      Operator
hi def link aftercareCompare    Operator
hi def link aftercareName       Function
hi def link aftercareString     String
hi def link aftercareEscape     SpecialChar
hi def link aftercareBadEscape  Error
hi def link aftercareComment    Comment
hi def link aftercareTodo       Todo

let b:current_syntax = "aftercare"

let &cpo = s:cpo_save
unlet s:cpo_save
