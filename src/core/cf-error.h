/* cf-error.h — the error domain shared by the core library
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CF_ERROR (cf_error_quark ())

/* Every refusal the core reports carries one of these codes, so a front end
 * can decide how to present it (exit status, toast, dialog) without parsing
 * the message. The message itself always names the input and the problem. */
typedef enum
{
  CF_ERROR_INVALID_INPUT,   /* a value the user gave is not acceptable */
  CF_ERROR_NOT_FOUND,       /* an id that does not exist */
  CF_ERROR_NOT_A_DATABASE,  /* the file is not a Conformity project database */
  CF_ERROR_NEWER_SCHEMA,    /* written by a newer Conformity */
  CF_ERROR_READ_ONLY,       /* the database cannot be written */
  CF_ERROR_DATABASE,        /* SQLite reported a failure */
  CF_ERROR_CATALOGUE,       /* the regulation catalogue is malformed */
  CF_ERROR_PDF,             /* the PDF could not be produced */
  CF_ERROR_FONT,            /* a font needed for PDFs is missing */
  CF_ERROR_BUSY,            /* another connection holds the database: nothing changed, try again */
  CF_ERROR_TOO_LARGE,       /* a file is over the configured size limit */
  CF_ERROR_MISMATCH,        /* stored content does not match its recorded SHA-256 */
  CF_ERROR_SIGNATURE,       /* an OpenPGP key is expired, revoked or locked, or GnuPG failed */
  CF_ERROR_DISK_FULL,       /* no room left for the database: nothing changed, make room and try again */
} CfError;

GQuark cf_error_quark (void);

G_END_DECLS
