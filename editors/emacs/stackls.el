;;; stackls.el --- Start stackls through eglot -*- lexical-binding: t; -*-

;; Load this file from your init file, or copy its forms there. It needs
;; eglot (built into Emacs 29; the elpa-eglot package or ELPA for Emacs 28)
;; and the `stackls' binary on `exec-path'.

;;; Code:

(require 'eglot)
(require 'project)
(require 'seq)

(defvar stackls-root-files
  '(("Makefile" "makefile" "GNUmakefile")
    ("compose.yaml" "compose.yml" "docker-compose.yaml" "docker-compose.yml"))
  "Groups of files that mark the root of a container stack outside version
control, in priority order: the Makefile that runs docker compose (often
above srcs/), then a compose file.")

;; One server serves every container file of a project, so that a service
;; renamed in the compose file is seen at once by the entrypoint scripts.
(add-to-list 'eglot-server-programs
             '((dockerfile-mode dockerfile-ts-mode
                yaml-mode yaml-ts-mode
                sh-mode bash-ts-mode
                makefile-mode makefile-gmake-mode makefile-bsdmake-mode
                conf-mode conf-unix-mode nginx-mode)
               . ("stackls" "serve" "--stdio")))

(defun stackls-project-find (dir)
  "Return a transient project rooted at the nearest folder above DIR
that holds a file of the first group of `stackls-root-files' found, or nil."
  (let ((root (seq-some
               (lambda (names)
                 (locate-dominating-file
                  dir
                  (lambda (folder)
                    (seq-some (lambda (name) (file-exists-p (expand-file-name name folder)))
                              names))))
               stackls-root-files)))
    (and root (cons 'transient (expand-file-name root)))))

;; Version control roots still win; the Makefile or compose folder is the
;; root of a stack that is not in a repository.
(add-hook 'project-find-functions #'stackls-project-find 90)

(dolist (hook '(dockerfile-mode-hook yaml-mode-hook sh-mode-hook
                makefile-mode-hook conf-mode-hook))
  (add-hook hook #'eglot-ensure))

(provide 'stackls)
;;; stackls.el ends here
