/* cf-manufacturer.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-manufacturer"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-manufacturer.h"

struct _CfManufacturer
{
  CfRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CfManufacturer, cf_manufacturer, CF_TYPE_RECORD)

/* Annex V point 2 and Annex II point 1 ask for these. The authorised
 * representative (Article 3(15)) is optional: a manufacturer established
 * outside the Union names one. */
static const CfFieldSpec fields[] = {
  { "name", N_("Manufacturer name"), 200, TRUE, FALSE, CF_FIELD_FORMAT_TEXT },
  { "address", N_("Postal address"), 1000, TRUE, TRUE, CF_FIELD_FORMAT_TEXT },
  { "email", N_("Email address"), 254, FALSE, FALSE, CF_FIELD_FORMAT_EMAIL },
  { "website", N_("Website"), 500, FALSE, FALSE, CF_FIELD_FORMAT_URL },
  { "representative-name", N_("Authorised representative"), 200, FALSE, FALSE, CF_FIELD_FORMAT_TEXT,
    N_("Authorised representative (optional)") },
  { "representative-address", N_("Representative’s address"), 1000, FALSE, TRUE, CF_FIELD_FORMAT_TEXT,
    N_("Authorised representative (optional)") },
  /* Article 14(7): reports go to the CSIRT designated as coordinator of the
   * Member State of the main establishment. No authoritative directory of
   * those CSIRTs ships with the regulation, so the manufacturer names it. */
  { "main-establishment", N_("Member State of the main establishment"), 40, FALSE, FALSE,
    CF_FIELD_FORMAT_MEMBER_STATE, N_("Reporting to the CSIRT (Article 14)") },
  { "csirt", N_("CSIRT designated as coordinator"), 200, FALSE, FALSE, CF_FIELD_FORMAT_TEXT,
    N_("Reporting to the CSIRT (Article 14)") },
};

static void
cf_manufacturer_class_init (CfManufacturerClass *klass)
{
  cf_record_class_install_fields (CF_RECORD_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
cf_manufacturer_init (CfManufacturer *self)
{
}

CfManufacturer *
cf_manufacturer_new (void)
{
  return g_object_new (CF_TYPE_MANUFACTURER, NULL);
}

