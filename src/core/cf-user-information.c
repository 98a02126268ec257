/* cf-user-information.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-user-information"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-user-information.h"

struct _CfUserInformation
{
  CfRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CfUserInformation, cf_user_information, CF_TYPE_RECORD)

/* Annex II, the points that have no home elsewhere: the manufacturer's
 * contact details (point 1) are the manufacturer's, the product's name and
 * type (point 3) the product's, its intended purpose (point 4) is in the
 * context of the risk assessment and the end of the support period (point 7)
 * is on the product. None is required for saving: the instructions are
 * written over time, and what a document still lacks is for it to say. */
static const CfFieldSpec fields[] = {
  { "security-contact", N_("Single point of contact for vulnerability reports"),
    500, FALSE, FALSE, CF_FIELD_FORMAT_EMAIL_OR_URL, N_("Reporting vulnerabilities (point 2)") },
  { "cvd-policy-url", N_("Coordinated vulnerability disclosure policy (internet address)"),
    500, FALSE, FALSE, CF_FIELD_FORMAT_URL, N_("Reporting vulnerabilities (point 2)") },
  { "security-environment", N_("Security environment and essential functionalities"),
    8000, FALSE, TRUE, CF_FIELD_FORMAT_TEXT, N_("Purpose and risks (points 4 and 5)") },
  { "known-risks", N_("Known or foreseeable circumstances that may lead to significant "
                      "cybersecurity risks"),
    8000, FALSE, TRUE, CF_FIELD_FORMAT_TEXT, N_("Purpose and risks (points 4 and 5)") },
  { "declaration-url", N_("Internet address of the EU declaration of conformity"),
    500, FALSE, FALSE, CF_FIELD_FORMAT_URL, N_("Declaration and support (points 6 and 7)") },
  { "support-type", N_("Type of technical security support offered"),
    8000, FALSE, TRUE, CF_FIELD_FORMAT_TEXT, N_("Declaration and support (points 6 and 7)") },
  { "secure-use", N_("Measures for secure use, at first start and throughout the product’s "
                     "lifetime"),
    8000, FALSE, TRUE, CF_FIELD_FORMAT_TEXT, N_("Instructions (point 8)") },
  { "data-security-changes", N_("How changes to the product can affect the security of data"),
    8000, FALSE, TRUE, CF_FIELD_FORMAT_TEXT, N_("Instructions (point 8)") },
  { "update-installation", N_("How security updates are installed"),
    8000, FALSE, TRUE, CF_FIELD_FORMAT_TEXT, N_("Instructions (point 8)") },
  { "decommissioning", N_("Secure decommissioning and removal of user data"),
    8000, FALSE, TRUE, CF_FIELD_FORMAT_TEXT, N_("Instructions (point 8)") },
  { "auto-update-opt-out", N_("How to turn off automatic security updates"),
    8000, FALSE, TRUE, CF_FIELD_FORMAT_TEXT, N_("Instructions (point 8)") },
  { "integration", N_("Information for integrators (where the product is meant to be "
                      "integrated into others)"),
    8000, FALSE, TRUE, CF_FIELD_FORMAT_TEXT, N_("Instructions (point 8)") },
  { "sbom-url", N_("Where users can access the software bill of materials (if made "
                   "available)"),
    500, FALSE, FALSE, CF_FIELD_FORMAT_URL, N_("Software bill of materials (point 9)") },
};

static void
cf_user_information_class_init (CfUserInformationClass *klass)
{
  cf_record_class_install_fields (CF_RECORD_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
cf_user_information_init (CfUserInformation *self)
{
}

CfUserInformation *
cf_user_information_new (void)
{
  return g_object_new (CF_TYPE_USER_INFORMATION, NULL);
}
