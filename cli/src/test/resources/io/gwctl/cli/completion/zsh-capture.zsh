# zsh -f zsh-capture.zsh SCRIPT LINE: types LINE and Tab into an interactive zsh on a pseudo-terminal (zpty) that
# has loaded compinit and SCRIPT (sourced, or from $fpath when its name is _NAME), and prints every match zsh's completion adds, one a line: the real completion
# system, _files included. compadd is wrapped to report its matches; a widget bound to Tab runs complete-word and
# then prints the end marker. The markers are written in two pieces where they are typed, so that the echo of the
# typed commands is never taken for them.
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z 'PS1= PROMPT= RPROMPT=; unsetopt zle_bracketed_paste 2>/dev/null'
if [[ ${1:t} == _* ]]; then
  # a completion function file (_gwctl): from $fpath, loaded by compinit on the first Tab
  zpty -w z "fpath=(${(q)1:h} \$fpath)"
  zpty -w z 'autoload -Uz compinit && compinit -i -d $HOME/.zcompdump'
else
  zpty -w z 'autoload -Uz compinit && compinit -i -d $HOME/.zcompdump'
  zpty -w z "source ${(q)1}"
fi
zpty -w z 'zstyle ":completion:*" list-prompt ""; zstyle ":completion:*" select-prompt ""'
zpty -w z 'compadd() { if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return $?; fi; local -a hits; builtin compadd -A hits "$@"; local h; for h in $hits; do print -u2 -r -- "<""hit>$h</""hit>"; done; builtin compadd "$@"; }'
zpty -w z 'exec 2>&1'
zpty -w z '_capture() { zle complete-word; print -u2 -r -- "<""done>"; }; zle -N _capture; bindkey "^I" _capture'
zpty -w z 'print -r -- "<""ready>"'
local line
while zpty -r z line; do
  [[ $line == *'<ready>'* ]] && break
done
zpty -w -n z "$2"$'\t'
while zpty -r z line; do
  while [[ $line == *'<hit>'*'</hit>'* ]]; do
    line=${line#*<hit>}
    print -r -- "${line%%</hit>*}"
    line=${line#*</hit>}
  done
  [[ $line == *'<done>'* ]] && break
done
zpty -d z
