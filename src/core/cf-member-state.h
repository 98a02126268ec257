/* cf-member-state.h — the Member States of the Union, by their two-letter codes
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The Union's own codes (Interinstitutional Style Guide): ISO 3166-1 alpha-2
 * except EL for Greece. GR is accepted on input and stored as EL. */
guint        cf_member_state_count            (void);
const char  *cf_member_state_code             (guint       index);
const char  *cf_member_state_name             (const char *code);
const char  *cf_member_state_canonical        (const char *code);
char        *cf_member_states_normalize       (const char *text,
                                               char      **bad_item);
char        *cf_member_states_describe        (const char *codes);

G_END_DECLS
