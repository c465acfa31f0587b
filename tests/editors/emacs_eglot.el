;;; emacs_eglot.el --- driven by test_emacs.py -*- lexical-binding: t -*-
;; In `emacs --batch` with the README's eglot snippet loaded: open a flawed note (the
;; snippet's text-mode hook starts `notelint lsp`), wait for the diagnostics in flymake,
;; and apply a quick fix through `eglot-code-actions' as a user would (the menu is
;; answered by title). Writes what happened to $NOTELINT_OUT.
(require 'package)
(package-initialize)                    ; Debian's elpa-eglot lives in the package dirs
(require 'cl-lib)
(require 'seq)
(load (getenv "NOTELINT_SNIPPET") nil t)
(require 'eglot)
(require 'flymake)

(defvar notelint-report nil)

(defun notelint-log (fmt &rest args)
  (push (apply #'format fmt args) notelint-report))

(defun notelint-wait (pred seconds)
  "Process server messages until PRED holds or SECONDS pass; PRED's last value."
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.1))
    (funcall pred)))

(defun notelint-diagnostic (code)
  (seq-find (lambda (d) (string-match-p (regexp-quote code) (flymake-diagnostic-text d)))
            (flymake-diagnostics)))

(condition-case err
    (progn
      (find-file (getenv "NOTELINT_NOTE"))
      ;; eglot-ensure connects after the command that opened the file
      (run-hooks 'post-command-hook)
      (unless (notelint-wait #'eglot-managed-p 60)
        (error "eglot did not start notelint for the note"))
      (unless (notelint-wait (lambda () (notelint-diagnostic "wordy")) 60)
        (error "no diagnostics from notelint"))
      (dolist (d (flymake-diagnostics))
        (notelint-log "diagnostic: %d %s" (line-number-at-pos (flymake-diagnostic-beg d))
                      (flymake-diagnostic-text d)))
      (let ((before (buffer-string))
            (wanted (getenv "NOTELINT_ACTION")))
        (goto-char (flymake-diagnostic-beg (notelint-diagnostic "wordy")))
        (cl-letf (((symbol-function 'completing-read)
                   (lambda (_prompt items &rest _)
                     (dolist (item items) (notelint-log "action: %s" (car item)))
                     (or (car (assoc wanted items)) (error "no action %s" wanted)))))
          (let ((last-nonmenu-event 13))  ; a key, not a mouse click: a text menu
            (eglot-code-actions (point) (point) nil t)))
        (when (equal before (buffer-string))
          (error "the quick fix did not change the buffer")))
      (dolist (line (split-string (buffer-string) "\n"))
        (notelint-log "buffer: %s" line)))
  (error (notelint-log "ERROR: %S" err)))

(with-temp-file (getenv "NOTELINT_OUT")
  (insert (mapconcat #'identity (reverse notelint-report) "\n") "\n"))
(kill-emacs 0)
