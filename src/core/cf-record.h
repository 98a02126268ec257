/* cf-record.h — a stored object made of user-entered text fields
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cf-field.h"

G_BEGIN_DECLS

#define CF_TYPE_RECORD (cf_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (CfRecord, cf_record, CF, RECORD, GObject)

/* A subclass lists its fields once, as CfFieldSpecs, in class_init; the base
 * class turns each into a string property, keeps the values, validates them
 * and lets the window build a form for any record without knowing its type. */
struct _CfRecordClass
{
  GObjectClass parent_class;

  /* Copies what a subclass keeps beyond the text fields. */
  void (*copy_extra) (CfRecord *self,
                      CfRecord *source);

  /*< private >*/
  const CfFieldSpec  *specs;
  guint               n_specs;
  GParamSpec        **field_pspecs;
};

void               cf_record_class_install_fields (CfRecordClass     *klass,
                                                   const CfFieldSpec *specs,
                                                   guint              n_specs);

const CfFieldSpec *cf_record_get_specs            (CfRecord          *self,
                                                   guint             *n_specs);
gint64             cf_record_get_id               (CfRecord          *self);
void               cf_record_set_id               (CfRecord          *self,
                                                   gint64             id);
gboolean           cf_record_get_is_example       (CfRecord          *self);
void               cf_record_set_is_example       (CfRecord          *self,
                                                   gboolean           is_example);
const char        *cf_record_get_updated_at       (CfRecord          *self);
void               cf_record_set_updated_at       (CfRecord          *self,
                                                   const char        *updated_at);
const char        *cf_record_get_field            (CfRecord          *self,
                                                   const char        *name);
void               cf_record_set_field            (CfRecord          *self,
                                                   const char        *name,
                                                   const char        *value);
gboolean           cf_record_validate             (CfRecord          *self,
                                                   GError           **error);
void               cf_record_copy_fields          (CfRecord          *self,
                                                   CfRecord          *source);
CfRecord          *cf_record_dup                  (CfRecord          *self);
gboolean           cf_record_is_filled            (CfRecord          *self,
                                                   const char        *name);

G_END_DECLS
