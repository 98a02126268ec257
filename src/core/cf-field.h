/* cf-field.h — what a user-entered text field may hold
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CF_FIELD_FORMAT_TEXT,
  CF_FIELD_FORMAT_EMAIL,
  CF_FIELD_FORMAT_URL,
  CF_FIELD_FORMAT_DATE,            /* YYYY-MM-DD */
  CF_FIELD_FORMAT_NOTIFIED_BODY,   /* a notified body's four-digit number */
  CF_FIELD_FORMAT_EMAIL_OR_URL,    /* an email address or a web address */
  CF_FIELD_FORMAT_DATE_TIME,       /* ISO 8601; stored as UTC, YYYY-MM-DDTHH:MM:SSZ */
  CF_FIELD_FORMAT_MEMBER_STATE,    /* one Member State's code, DE */
  CF_FIELD_FORMAT_MEMBER_STATES,   /* Member States' codes, DE FR IT */
  CF_FIELD_FORMAT_CVSS,            /* a CVSS v3.x base vector */
} CfFieldFormat;

/* One editable text field of a data object. The same specification drives
 * the store's checks, the CLI's messages and the window's inline validation,
 * so the three can never disagree about what is acceptable. */
typedef struct
{
  const char    *name;       /* property name, e.g. "name" */
  const char    *label;      /* untranslated (N_) label, e.g. "Product name" */
  guint          max_chars;
  gboolean       required;
  gboolean       multiline;
  CfFieldFormat  format;
  const char    *group;      /* untranslated (N_) heading of the form section, or NULL */
} CfFieldSpec;

char              *cf_field_spec_check (const CfFieldSpec *spec,
                                        const char        *value);
char              *cf_field_check_characters (const char  *label,
                                              const char  *value,
                                              gboolean     multiline);
char              *cf_field_dup_printable    (const char  *text,
                                              gboolean     multiline);
const CfFieldSpec *cf_field_spec_find  (const CfFieldSpec *specs,
                                        guint              n_specs,
                                        const char        *name);
char              *cf_field_normalize  (const CfFieldSpec *spec,
                                        const char        *value);
GDate             *cf_field_parse_date (const char        *value);
GDateTime         *cf_field_parse_date_time (const char   *value);
char              *cf_date_time_to_iso (GDateTime         *time);

G_END_DECLS
