/* cf-assessment-xml.h — a product's assessment as XML, for dossiers and
 * the reviewers who read them (schema: data/conformity-assessment.xsd)
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cf-catalogue.h"
#include "cf-store.h"

G_BEGIN_DECLS

#define CF_ASSESSMENT_XML_NAMESPACE "https://conformity.github.io/ns/assessment/1"

/* The member of a dossier that holds it. */
#define CF_ASSESSMENT_XML_MEMBER "assessment.xml"

/* Larger files are refused before they are parsed. */
#define CF_ASSESSMENT_XML_MAX_SIZE (G_GUINT64_CONSTANT (64) << 20)

/* One essential requirement of Annex I and how the manufacturer assessed it. */
typedef struct
{
  char      *id;             /* catalogue id, e.g. "AnnexI.PartI.2.a" */
  char      *reference;      /* e.g. "Annex I, Part I, point 2(a)" */
  char      *text;           /* the requirement as the catalogue gives it */
  gboolean   assessed;       /* FALSE when nothing was recorded for it */
  gboolean   applies;
  char      *status;         /* cf_status_to_id(), NULL when not assessed */
  char      *justification;
  char      *measures;
  GStrv      standards;      /* never NULL */
  GArray    *threats;        /* of gint: numbers of the threats it addresses */
  GArray    *evidence;       /* of gint64: ids of the evidence items attached */
} CfAssessedRequirement;

/* One threat of the risk register. */
typedef struct
{
  gint   number;
  char  *title;
  char  *asset;
  char  *stride;
  char  *description;
  gint   likelihood;
  gint   impact;
  gint   residual_likelihood;   /* 0 when not assessed */
  gint   residual_impact;
  char  *treatment;
  char  *mitigations;
} CfAssessedThreat;

/* One evidence item, as its latest version was exported. */
typedef struct
{
  gint64    id;
  char     *title;
  char     *kind;
  gint      version;
  char     *file_name;
  char     *media_type;
  guint64   size;
  char     *sha256;
  char     *valid_until;      /* YYYY-MM-DD or NULL */
  GStrv     requirements;     /* never NULL */
} CfAssessedEvidence;

typedef struct
{
  char       *exported_at;       /* ISO 8601, UTC */
  gint64      product_id;        /* in the manufacturer's database */
  char       *product_name;
  char       *product_model;
  char       *product_version;
  char       *manufacturer_name;
  char       *manufacturer_address;
  char       *category;          /* cf_category_to_id(), NULL when not classified */
  char       *procedure;         /* the declaration's, cf_procedure_to_id(), or NULL */
  GStrv       procedures;        /* ids Article 32 leaves open; never NULL */
  char       *intended_purpose;
  GPtrArray  *requirements;      /* of CfAssessedRequirement, in catalogue order */
  GPtrArray  *threats;           /* of CfAssessedThreat, by number */
  GPtrArray  *evidence;          /* of CfAssessedEvidence, by id */
} CfAssessmentData;

void cf_assessment_data_free (CfAssessmentData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfAssessmentData, cf_assessment_data_free)

CfAssessedRequirement *cf_assessment_data_find_requirement (CfAssessmentData *data,
                                                            const char       *id);
CfAssessedEvidence    *cf_assessment_data_find_evidence    (CfAssessmentData *data,
                                                            gint64            id);

/* Reads the product's current assessment from @store. */
CfAssessmentData *cf_assessment_data_load (CfStore      *store,
                                           CfCatalogue  *catalogue,
                                           gint64        product_id,
                                           GError      **error);

/* Writes @data as XML valid against data/conformity-assessment.xsd. */
GBytes           *cf_assessment_xml_write (CfAssessmentData *data,
                                           GError          **error);

/* Parses and validates XML from elsewhere: no network, no DTD, no
 * entities, at most CF_ASSESSMENT_XML_MAX_SIZE bytes. Errors name @shown
 * and the line. */
CfAssessmentData *cf_assessment_xml_read  (const char   *xml,
                                           gsize         length,
                                           const char   *shown,
                                           GError      **error);

G_END_DECLS
