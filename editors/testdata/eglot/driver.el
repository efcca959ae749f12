;;; driver.el --- Headless eglot driver for editors/emacs_test.go -*- lexical-binding: t; -*-

;; Usage: OUT=result.json STACKLS_EL=editors/emacs/stackls.el HOVER_POS=L:C DEF_POS=L:C \
;;          emacs -Q --batch -l driver.el FILE
;; Loads the user config editors/emacs/stackls.el with Debian's elpa-*
;; packages, opens FILE, lets eglot start stackls and writes what it got
;; to OUT as JSON. Positions are 0-based lines and UTF-16 characters.

(setq package-user-dir (make-temp-file "stackls-elpa" t))
(setq package-directory-list (list "/usr/share/emacs/site-lisp/elpa"))
(package-initialize)
(require 'json)
(load (getenv "STACKLS_EL") nil t)

(defvar stackls-test-result nil "Alist written to OUT.")

(defun stackls-test-put (key value)
  (push (cons key value) stackls-test-result))

(defun stackls-test-finish (code)
  (with-temp-file (getenv "OUT")
    (insert (json-encode stackls-test-result)))
  (kill-emacs code))

(defun stackls-test-position (name)
  (let ((parts (split-string (getenv name) ":")))
    (list :line (string-to-number (car parts))
          :character (string-to-number (cadr parts)))))

(defun stackls-test-wait (predicate seconds)
  "Run the event loop until PREDICATE returns non-nil or SECONDS pass."
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall predicate)))

(defun stackls-test-request (server method position)
  "Send METHOD at POSITION until it returns a non-empty result.
A server may answer null while it still indexes the workspace."
  (let ((deadline (+ (float-time) 10)) (result nil))
    (while (and (null result) (< (float-time) deadline))
      (setq result (jsonrpc-request server method
                                    (list :textDocument (eglot--TextDocumentIdentifier)
                                          :position position)))
      (when (and (vectorp result) (zerop (length result)))
        (setq result nil))
      (unless result (accept-process-output nil 0.2)))
    result))

(defun stackls-test-hover-text (contents)
  "Return the text of hover CONTENTS: MarkupContent, a string or a vector."
  (cond ((stringp contents) contents)
        ((vectorp contents) (mapconcat #'stackls-test-hover-text contents "\n"))
        (t (plist-get contents :value))))

(defun stackls-test-locations (def)
  (when (and def (not (vectorp def)))
    (setq def (vector def)))
  (mapcar (lambda (loc)
            (let* ((range (or (plist-get loc :targetSelectionRange) (plist-get loc :range)))
                   (start (plist-get range :start)))
              (list (cons 'uri (or (plist-get loc :uri) (plist-get loc :targetUri)))
                    (cons 'line (plist-get start :line))
                    (cons 'character (plist-get start :character)))))
          def))

(defun stackls-test-diagnostics ()
  (mapcar (lambda (d)
            (let ((beg (flymake-diagnostic-beg d)) (end (flymake-diagnostic-end d)))
              (list (cons 'line (1- (line-number-at-pos beg)))
                    (cons 'character (save-excursion (goto-char beg) (current-column)))
                    (cons 'end_line (1- (line-number-at-pos end)))
                    (cons 'end_character (save-excursion (goto-char end) (current-column)))
                    (cons 'type (format "%s" (flymake-diagnostic-type d)))
                    (cons 'message (flymake-diagnostic-text d)))))
          (flymake-diagnostics)))

(defun stackls-test-run (file)
  (find-file file)
  (stackls-test-put 'major_mode (symbol-name major-mode))
  ;; eglot-ensure connects from post-command-hook, which batch mode never runs.
  (run-hooks 'post-command-hook)
  (unless (stackls-test-wait #'eglot-current-server 20)
    (stackls-test-put 'log "no eglot server for the buffer within 20 s")
    (stackls-test-finish 3))
  (let ((server (eglot-current-server)))
    (stackls-test-put 'server_command (mapconcat #'identity (process-command (jsonrpc--process server)) " "))
    (stackls-test-put 'project_root (expand-file-name (project-root (eglot--project server))))
    (let ((hover (stackls-test-request server :textDocument/hover (stackls-test-position "HOVER_POS"))))
      (stackls-test-put 'hover (and hover (stackls-test-hover-text (plist-get hover :contents)))))
    (stackls-test-put 'definition
                      (stackls-test-locations
                       (stackls-test-request server :textDocument/definition (stackls-test-position "DEF_POS"))))
    (stackls-test-wait #'flymake-diagnostics 10)
    (stackls-test-put 'diagnostics (stackls-test-diagnostics))
    (eglot-shutdown server))
  (stackls-test-finish 0))

(let ((file (car command-line-args-left)))
  (setq command-line-args-left nil)
  (condition-case err
      (stackls-test-run file)
    (error
     (stackls-test-put 'log (format "lisp error: %S" err))
     (stackls-test-finish 5))))
