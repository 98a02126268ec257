/* cf-cli.h — conformity-cli, the headless front end
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses: scripts rely on them. */
#define CF_CLI_EXIT_OK        0
#define CF_CLI_EXIT_FAILURE   1   /* the operation was refused or failed */
#define CF_CLI_EXIT_USAGE     2   /* the command line itself is wrong */
#define CF_CLI_EXIT_NOT_READY 3   /* `readiness`: not ready for a declaration of conformity */
#define CF_CLI_EXIT_MISMATCH  4   /* `evidence verify`: stored evidence no longer matches its SHA-256 */

int cf_cli_run (int    argc,
                char **argv);

G_END_DECLS
