/* make-large-product.c — a project database holding one large, fully filled product
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the technical documentation benchmark (tests/bench/technical-documentation.sh,
 * docs/PERFORMANCE.md): every requirement assessed with several paragraphs of
 * measures, 60 threats, 300 evidence items of 1 to 20 KiB, the user
 * information and a declaration generated, and a CycloneDX 1.5 SBOM of
 * 2,000 components imported with cf_store_import_sbom(), as a large real
 * product would have them. The text is made from templates by a seeded
 * generator, so it varies from paragraph to paragraph (the renderer's line
 * breaking gets no repeated work) and every run of the program writes the
 * same content.
 *
 * Usage: make-large-product [--threats N] [--evidence N] [--components N] [--seed N] DB
 * Prints the product's id.
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "cf-catalogue.h"
#include "cf-generator.h"
#include "cf-requirement-assessment.h"
#include "cf-store.h"

typedef struct
{
  GRand *rand;
  guint  n_threats;
} Gen;

#define PICK(gen, array) ((array)[g_rand_int_range ((gen)->rand, 0, G_N_ELEMENTS (array))])

static const char * const components[] = {
  "boot loader", "update agent", "web management interface", "REST API", "SSH service",
  "LTE modem firmware", "packet filter", "IPsec VPN service", "configuration store",
  "key store in the secure element", "DHCP and DNS services", "syslog forwarder",
  "cloud management agent", "factory provisioning tool", "Wi-Fi access point", "serial console",
  "SNMP agent", "hardware watchdog", "container runtime", "Modbus/TCP gateway",
  "OPC UA client", "certificate enrolment client", "time synchronisation service",
};

static const char * const actions[] = {
  "accepts only images signed with the release key held in the hardware security module",
  "runs as an unprivileged user in its own mount and network namespace",
  "rejects connections that do not present a client certificate issued by the device CA",
  "limits failed logins to five a minute per source address and then locks the account for fifteen minutes",
  "encrypts its data at rest with AES-256-GCM under a key that never leaves the secure element",
  "is disabled in the factory configuration and can only be enabled from the local console",
  "logs every change of configuration with the user, the source address and a monotonic counter",
  "validates every field of an incoming request against a schema before it reaches the business logic",
  "drops traffic from the WAN side by default, forwarding only the ports the administrator opens",
  "restarts within ten seconds when it stops responding and reports the event in the security log",
  "negotiates TLS 1.3 only, with forward-secret cipher suites and a pinned certificate for the cloud endpoint",
  "keeps two firmware slots and falls back to the previous image when the new one fails its health check",
  "erases keys, credentials and logs when a factory reset is confirmed on the device",
  "stores passwords as Argon2id hashes with a salt unique to each device",
  "exposes no service on the WAN interface until the initial credentials have been changed",
  "checks the signature and the version counter of every configuration bundle it imports",
  "rate-limits management requests so that one client cannot starve the routing of traffic",
  "separates the management VLAN from the user VLANs in the switch configuration",
  "reads its secrets through a narrow API instead of from files that other processes could open",
  "is built with stack protection, FORTIFY_SOURCE, full RELRO and position-independent code",
};

static const char * const rationales[] = {
  "so that a compromised web session cannot reach the rest of the system",
  "which confines a vulnerability in one parser to one process",
  "as the threat model requires for attackers on the mobile network",
  "because the router typically sits unattended at the edge of an industrial network",
  "so that an attacker on the local network gains nothing from a captured frame",
  "in line with the hardening guide of the platform vendor",
  "which keeps the attack surface of a unit in the field as small as its function allows",
  "so that the operator can tell a legitimate change from an intrusion afterwards",
  "since installers often leave the device in its default configuration for years",
  "which the last penetration test confirmed",
};

static const char * const teams[] = {
  "The product security team", "The platform team", "An external laboratory", "The release manager",
  "The PSIRT", "Quality assurance", "The firmware architect", "The cloud operations team",
};

static const char * const artefacts[] = {
  "every change to the network-facing code", "the third-party components listed in the SBOM",
  "the firewall rule set shipped by default", "the results of the nightly fuzzing jobs",
  "the hardening checklist of the Linux image", "the access rights to the build infrastructure",
  "the signing ceremony records", "the open findings of the static analysis",
};

static const char * const frequencies[] = {
  "before every release", "every quarter", "once a month", "at each sprint review", "twice a year",
  "whenever a dependency is updated",
};

static const char * const severities[] = {
  "medium", "high", "CVSS 7.0", "CVSS 4.0", "critical",
};

static const char * const verifications[] = {
  "an automated test in the release pipeline", "the yearly penetration test",
  "a code review against the secure coding checklist", "fuzzing of the parser for 72 hours",
  "a configuration audit of a production unit", "a regression suite run on three hardware revisions",
  "an independent review by the notified body",
};

static const char * const conditions[] = {
  "the LTE link is lost", "the time cannot be synchronised", "the secure element does not answer",
  "an update is interrupted by a power failure", "the configuration fails its integrity check",
  "the cloud management service cannot be reached", "the disk runs out of space",
};

static const char * const fallbacks[] = {
  "keeps the last known good configuration and raises an alarm",
  "refuses to start the affected service and reports it in the web interface",
  "boots the previous firmware slot",
  "goes on routing with the local rule set",
  "queues its events and sends them once the link is back",
  "locks the management interfaces until an administrator acknowledges the event",
};

static const char * const months[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
};

/* "An external laboratory" in the middle of a sentence. */
static char *
lower_first (const char *text)
{
  char *lower = g_strdup (text);

  lower[0] = g_ascii_tolower (lower[0]);
  return lower;
}

/* A sentence from one of several templates. */
static void
append_sentence (Gen     *gen,
                 GString *out)
{
  const char *component = PICK (gen, components);
  g_autofree char *checker = lower_first (PICK (gen, teams));

  if (out->len > 0 && out->str[out->len - 1] != '\n')
    g_string_append_c (out, ' ');

  switch (g_rand_int_range (gen->rand, 0, 6))
    {
    case 0:
      g_string_append_printf (out, "The %s %s, %s.", component, PICK (gen, actions),
                              PICK (gen, rationales));
      break;
    case 1:
      g_string_append_printf (out, "%s reviews %s %s; findings rated %s or higher block the release.",
                              PICK (gen, teams), PICK (gen, artefacts), PICK (gen, frequencies),
                              PICK (gen, severities));
      break;
    case 2:
      g_string_append_printf (out, "Since firmware %d.%d, the %s %s.",
                              g_rand_int_range (gen->rand, 1, 5), g_rand_int_range (gen->rand, 0, 12),
                              component, PICK (gen, actions));
      break;
    case 3:
      g_string_append_printf (out, "This is verified by %s, last run in %s %d, with no open finding.",
                              PICK (gen, verifications), PICK (gen, months),
                              g_rand_int_range (gen->rand, 2025, 2028));
      break;
    case 4:
      g_string_append_printf (out, "Where %s, the %s %s.", PICK (gen, conditions), component,
                              PICK (gen, fallbacks));
      break;
    default:
      g_string_append_printf (out, "For the %s, %s documents the design decisions in the "
                              "architecture record, and %s checks them %s.", component,
                              PICK (gen, teams), checker, PICK (gen, frequencies));
      break;
    }
}

static void
append_paragraph (Gen     *gen,
                  GString *out,
                  guint    min_sentences,
                  guint    max_sentences)
{
  guint n = g_rand_int_range (gen->rand, min_sentences, max_sentences + 1);

  if (out->len > 0)
    g_string_append (out, "\n\n");
  for (guint i = 0; i < n; i++)
    append_sentence (gen, out);
}

static char *
make_paragraphs (Gen   *gen,
                 guint  min_paragraphs,
                 guint  max_paragraphs)
{
  GString *out = g_string_new (NULL);
  guint n = g_rand_int_range (gen->rand, min_paragraphs, max_paragraphs + 1);

  for (guint i = 0; i < n; i++)
    append_paragraph (gen, out, 3, 5);

  return g_string_free (out, FALSE);
}

static gboolean
fill_records (CfStore  *store,
              gint64   *product_id,
              GError  **error)
{
  g_autoptr(CfManufacturer) manufacturer = cf_manufacturer_new ();
  g_autoptr(CfProduct) product = cf_product_new ();
  g_autoptr(CfDeclarationInfo) info = cf_declaration_info_new ();
  CfRecord *m = CF_RECORD (manufacturer);
  CfRecord *p = CF_RECORD (product);
  CfRecord *d = CF_RECORD (info);

  cf_record_set_field (m, "name", "Northwind Industrial Networks GmbH");
  cf_record_set_field (m, "address", "Am Hafen 12\n20457 Hamburg\nGermany");
  cf_record_set_field (m, "email", "psirt@northwind.example");
  cf_record_set_field (m, "website", "https://northwind.example");
  if (!cf_store_set_manufacturer (store, manufacturer, error))
    return FALSE;

  cf_record_set_field (p, "name", "Northwind Edge Router");
  cf_record_set_field (p, "model", "NR-7 LTE");
  cf_record_set_field (p, "version", "4.2.0");
  cf_record_set_field (p, "identification",
                       "Firmware 4.2.x on hardware revisions B and C; serial numbers NR7-B-000001 to "
                       "NR7-C-250000 on the type plate and in the web interface (System › About).");
  cf_record_set_field (p, "description",
                       "An industrial LTE and Ethernet router for remote sites: a stateful firewall, "
                       "IPsec and WireGuard VPNs, a Modbus/TCP and OPC UA gateway, a container runtime "
                       "for customer applications, local web and SSH management, and a cloud "
                       "management agent for fleets of thousands of units.");
  cf_record_set_field (p, "placed-on-market", "2027-03-01");
  cf_record_set_field (p, "support-end", "2037-02-28");
  cf_record_set_field (p, "support-rationale",
                       "Industrial routers stay in service for ten to fifteen years; customers' "
                       "maintenance contracts run for ten years from delivery, and the component "
                       "vendors have committed to security fixes for the SoC's kernel branch and the "
                       "modem firmware for the same period.");
  *product_id = cf_store_add_product (store, product, error);
  if (*product_id == 0)
    return FALSE;

  cf_declaration_info_set_procedure (info, CF_PROCEDURE_MODULE_B_C);
  cf_record_set_field (d, "other-legislation",
                       "Directive 2014/53/EU (radio equipment); Directive 2011/65/EU (RoHS)");
  cf_record_set_field (d, "standards",
                       "EN 18031-1:2024; IEC 62443-4-1:2018; IEC 62443-4-2:2019 (security level 2); "
                       "ETSI EN 303 645 V3.1.3 applied in part.");
  cf_record_set_field (d, "notified-body-name", "Example Certification Body");
  cf_record_set_field (d, "notified-body-number", "0123");
  cf_record_set_field (d, "certificate", "EU-type examination certificate EX-CRA-2027-0042");
  cf_record_set_field (d, "place-of-issue", "Hamburg");
  cf_record_set_field (d, "signatory-name", "Dr. Jana Petersen");
  cf_record_set_field (d, "signatory-function", "Chief Technology Officer");

  return cf_store_set_declaration_info (store, *product_id, info, error);
}

static gboolean
fill_assessment (CfStore  *store,
                 gint64    product_id,
                 GError  **error)
{
  static const char * const in_scope[][2] = {
    { "commercial", "yes" }, { "data-connection", "yes" }, { "medical-device", "no" },
    { "motor-vehicle", "no" }, { "delegated-exclusion", "no" }, { "civil-aviation", "no" },
    { "marine-equipment", "no" }, { "national-security", "no" }, { "spare-part", "no" },
    { "foss-not-monetised", "no" }, { "pure-saas", "no" },
  };
  static const char * const items[] = { "AnnexIII.ClassI.12", NULL };
  g_autoptr(GHashTable) answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(CfClassification) classification = cf_classification_new ();
  g_autoptr(CfAssessmentContext) context = cf_assessment_context_new ();
  CfRecord *c = CF_RECORD (context);

  for (guint i = 0; i < G_N_ELEMENTS (in_scope); i++)
    g_hash_table_insert (answers, g_strdup (in_scope[i][0]), g_strdup (in_scope[i][1]));
  if (!cf_store_set_scope_answers (store, product_id, answers, error))
    return FALSE;

  classification->category = CF_CATEGORY_IMPORTANT_CLASS_1;
  classification->suggested_category = CF_CATEGORY_IMPORTANT_CLASS_1;
  g_strfreev (classification->items);
  classification->items = g_strdupv ((char **) items);
  g_free (classification->description);
  classification->description =
    g_strdup ("Industrial LTE router with firewall, VPN and fieldbus gateway");
  if (!cf_store_set_classification (store, product_id, classification, error))
    return FALSE;

  cf_record_set_field (c, "intended-purpose",
                       "Connects machines, controllers and sensors at remote industrial sites to the "
                       "operator's network over LTE or Ethernet, filters and encrypts their traffic, "
                       "translates between Modbus/TCP, OPC UA and MQTT, and runs small customer "
                       "applications in containers.");
  cf_record_set_field (c, "foreseeable-use",
                       "Installed by electricians rather than network engineers; left with the "
                       "default firewall rules; reachable from the internet through a public LTE "
                       "address; used as a plain Wi-Fi access point on site; resold on the "
                       "second-hand market with the old configuration still on it.");
  cf_record_set_field (c, "operational-environment",
                       "Cabinets in substations, water works, wind farms and factories, at "
                       "−40 to +70 °C, often without physical access control; public LTE networks "
                       "and private APNs; management from the operator's control room, the "
                       "manufacturer's cloud service in the EU, or a local laptop.");
  cf_record_set_field (c, "assumptions",
                       "The operator's central VPN concentrator and certificate authority are "
                       "maintained; administrators keep their credentials to themselves; the "
                       "mobile network operator does not actively attack the device.");
  return cf_store_set_assessment_context (store, product_id, context, error);
}

static gboolean
fill_threats (Gen      *gen,
              CfStore  *store,
              gint64    product_id,
              GError  **error)
{
  static const struct {
    const char *attack;
    const char *stride;
  } attacks[] = {
    { "Brute-force login", "spoofing" },
    { "Spoofed update server", "spoofing" },
    { "Stolen administrator session", "spoofing" },
    { "Command injection", "tampering" },
    { "Downgrade to a vulnerable firmware", "tampering" },
    { "Tampering with the configuration", "tampering" },
    { "Deleted or rewritten logs", "repudiation" },
    { "Unattributed configuration change", "repudiation" },
    { "Credentials read from a backup", "information-disclosure" },
    { "Traffic captured on the LTE link", "information-disclosure" },
    { "Keys extracted through a side channel", "information-disclosure" },
    { "Flooding of the management plane", "denial-of-service" },
    { "Exhausted connection tracking table", "denial-of-service" },
    { "Bricked unit after a failed update", "denial-of-service" },
    { "Escape from a customer container", "elevation-of-privilege" },
    { "Root shell through a debug interface", "elevation-of-privilege" },
  };
  static const char * const positions[] = {
    "on the public LTE network", "on the local Ethernet segment", "with a valid operator account",
    "with physical access to the cabinet", "who controls a customer container", "in the supply chain",
    "who has compromised the operator's control room",
  };
  static const char * const consequences[] = {
    "could take over the router and pivot into the plant network",
    "could stop the traffic of the site for hours",
    "could read process data and credentials of the connected machines",
    "could change firewall rules without anyone noticing",
    "could make the fleet install software the manufacturer did not release",
    "could hide what was done on the device from the operator",
  };
  static const char * const reasons[] = {
    "The remaining risk needs physical access to a locked cabinet and defeats no other unit.",
    "The operator's own network monitoring detects the attack; customers are told so in the "
    "security guide.",
    "No cost-effective hardware countermeasure exists for this revision; revision D adds one.",
    "The scenario needs a compromised operator account, which is outside the device's control.",
  };

  for (guint i = 0; i < gen->n_threats; i++)
    {
      g_autoptr(CfThreat) threat = cf_threat_new ();
      guint a = i % G_N_ELEMENTS (attacks);
      g_autofree char *title = g_strdup_printf ("%s against the %s", attacks[a].attack,
                                                PICK (gen, components));
      g_autoptr(GString) description = g_string_new (NULL);
      g_autoptr(GString) mitigations = g_string_new (NULL);
      int likelihood = g_rand_int_range (gen->rand, 2, 6);
      int impact = g_rand_int_range (gen->rand, 2, 6);
      /* MAX() evaluates its arguments twice: draw the reductions first. */
      int less_likely = g_rand_int_range (gen->rand, 1, 4);
      int less_harmful = g_rand_int_range (gen->rand, 0, 2);
      int residual_likelihood = MAX (1, likelihood - less_likely);
      int residual_impact = MAX (1, impact - less_harmful);

      g_string_append_printf (description, "An attacker %s %s.", PICK (gen, positions),
                              PICK (gen, consequences));
      append_sentence (gen, description);
      if (g_rand_int_range (gen->rand, 0, 3) == 0)
        append_paragraph (gen, description, 2, 3);
      append_paragraph (gen, mitigations, 2, 4);

      cf_threat_set_asset (threat, PICK (gen, components));
      cf_threat_set_title (threat, title);
      cf_threat_set_description (threat, description->str);
      cf_threat_set_stride (threat, attacks[a].stride);
      cf_threat_set_likelihood (threat, likelihood);
      cf_threat_set_impact (threat, impact);
      cf_threat_set_mitigations (threat, mitigations->str);
      cf_threat_set_residual (threat, residual_likelihood, residual_impact);
      /* High and critical residual risks are accepted with a reason, as the
       * readiness gate asks; the rest mitigated, a few transferred. */
      if (residual_likelihood * residual_impact >= 10)
        {
          cf_threat_set_treatment (threat, "accept");
          cf_threat_set_treatment_reason (threat, PICK (gen, reasons));
          cf_threat_set_accepted_by (threat, "Dr. Jana Petersen, Chief Technology Officer");
        }
      else
        cf_threat_set_treatment (threat, i % 9 == 4 ? "transfer" : "mitigate");

      if (cf_store_add_threat (store, product_id, threat, error) == 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
fill_requirements (Gen          *gen,
                   CfStore      *store,
                   CfCatalogue  *catalogue,
                   gint64        product_id,
                   GError      **error)
{
  static const char * const standards[] = {
    "IEC 62443-4-2:2019 CR 1.1", "IEC 62443-4-2:2019 CR 3.4", "IEC 62443-4-1:2018 SM-8",
    "IEC 62443-4-1:2018 SVV-3", "EN 18031-1:2024 ACM-1", "EN 18031-1:2024 SUM-2",
    "ETSI EN 303 645 5.3", "ETSI EN 303 645 5.6", "ISO/IEC 29147:2018", "ISO/IEC 30111:2019",
  };
  g_autoptr(GPtrArray) requirements = cf_requirements_list (catalogue);

  for (guint i = 0; i < requirements->len; i++)
    {
      const char *id = cf_catalogue_item_get_id (g_ptr_array_index (requirements, i));
      g_autoptr(CfRequirementAssessment) a = cf_requirement_assessment_new (id);
      g_autoptr(GStrvBuilder) refs = g_strv_builder_new ();
      /* TODO: up to three standards, as real assessments have, once
       * cf_requirement_assessment_normalize() no longer reads past the end
       * of its array (it passes a GPtrArray that is not NULL-terminated to
       * g_strv_contains(), and crashes on a second standard). */
      guint n_refs = g_rand_int_range (gen->rand, 0, 2);
      guint n_threats = g_rand_int_range (gen->rand, 1, 5);

      a->applies = TRUE;
      a->status = i % 3 == 0 ? CF_STATUS_VERIFIED : CF_STATUS_IMPLEMENTED;
      a->measures = make_paragraphs (gen, 3, 4);
      for (guint r = 0; r < n_refs; r++)
        g_strv_builder_add (refs, standards[(i + r * 3) % G_N_ELEMENTS (standards)]);
      g_strfreev (a->standards);
      a->standards = g_strv_builder_end (refs);
      for (guint t = 0; t < n_threats; t++)
        {
          gint number = (gint) ((i * 7 + t * 13) % gen->n_threats) + 1;

          if (!cf_requirement_assessment_has_threat (a, number))
            g_array_append_val (a->threats, number);
        }

      if (!cf_store_set_requirement_assessment (store, product_id, a, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
fill_user_information (CfStore  *store,
                       gint64    product_id,
                       GError  **error)
{
  g_autoptr(CfUserInformation) info = cf_user_information_new ();
  CfRecord *u = CF_RECORD (info);

  cf_record_set_field (u, "security-contact", "psirt@northwind.example");
  cf_record_set_field (u, "cvd-policy-url", "https://northwind.example/security/cvd");
  cf_record_set_field (u, "security-environment",
                       "The NR-7 connects an industrial site to the operator's network over LTE or "
                       "Ethernet. It filters traffic with a stateful firewall, encrypts it in IPsec or "
                       "WireGuard tunnels and accepts only firmware signed by Northwind.");
  cf_record_set_field (u, "known-risks",
                       "Leaving the default firewall rules in place on a public LTE address, sharing "
                       "administrator accounts, and exposing the web interface to the internet make "
                       "the router and the plant behind it easier to attack.");
  cf_record_set_field (u, "declaration-url", "https://northwind.example/nr-7/declaration");
  cf_record_set_field (u, "support-type",
                       "Free security updates for the firmware and the cloud management agent until "
                       "28 February 2037, with advisories in CSAF format.");
  cf_record_set_field (u, "secure-use",
                       "Change the initial password at first login, restrict management to the "
                       "management VLAN or the VPN, and enable automatic security updates.");
  cf_record_set_field (u, "data-security-changes",
                       "Customer containers run with the rights the administrator grants them; a "
                       "container with host networking can see all traffic of the router.");
  cf_record_set_field (u, "update-installation",
                       "Updates are installed automatically in the maintenance window set under "
                       "System › Updates, or by hand from the same page or the cloud service.");
  cf_record_set_field (u, "decommissioning",
                       "Choose System › Factory reset and confirm with the administrator password: "
                       "keys, certificates, configuration and logs are erased.");
  cf_record_set_field (u, "auto-update-opt-out",
                       "Turn off “Install security updates automatically” under System › Updates.");
  cf_record_set_field (u, "integration",
                       "System integrators find the hardening guide and the list of open ports in the "
                       "integration manual, chapter 7.");
  cf_record_set_field (u, "sbom-url", "https://northwind.example/nr-7/sbom");

  return cf_store_set_user_information (store, product_id, info, error);
}

static cairo_status_t
write_png_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A screenshot of a made-up management page: flat areas and a few lines of
 * text, so it compresses like a real one. */
static GBytes *
make_png (Gen *gen)
{
  int width = g_rand_int_range (gen->rand, 480, 900);
  int height = width * 5 / 8;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GByteArray) png = g_byte_array_new ();

  cairo_set_source_rgb (cr, 0.97, 0.97, 0.97);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.15, 0.3, 0.5);
  cairo_rectangle (cr, 0, 0, width, 40);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.9, 0.92, 0.95);
  cairo_rectangle (cr, 0, 40, 160, height - 40);
  cairo_fill (cr);

  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 13);
  for (int y = 70; y < height - 20; y += 24)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      cairo_move_to (cr, 12, y);
      cairo_show_text (cr, PICK (gen, components));
      append_sentence (gen, line);
      cairo_move_to (cr, 176, y);
      cairo_show_text (cr, line->str);
    }
  cairo_destroy (cr);

  cairo_surface_write_to_png_stream (surface, write_png_cb, png);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

/* A text file of about @size bytes in the style of its kind. */
static GBytes *
make_text (Gen        *gen,
           const char *kind,
           const char *title,
           gsize       size)
{
  GString *out = g_string_new (NULL);

  if (g_str_equal (kind, "sbom"))
    {
      g_string_append (out, "{\n  \"bomFormat\": \"CycloneDX\",\n  \"specVersion\": \"1.5\",\n"
                            "  \"components\": [\n");
      for (guint i = 0; out->len < size; i++)
        g_string_append_printf (out, "    %s{ \"type\": \"library\", \"name\": \"lib%c%c%c-%u\", "
                                "\"version\": \"%d.%d.%d\" }\n", i ? "," : "",
                                g_ascii_tolower (months[i % 12][0]), months[i % 12][1],
                                months[i % 12][2], i,
                                g_rand_int_range (gen->rand, 0, 5), g_rand_int_range (gen->rand, 0, 20),
                                g_rand_int_range (gen->rand, 0, 40));
      g_string_append (out, "  ]\n}\n");
    }
  else if (g_str_equal (kind, "certificate"))
    {
      g_string_append (out, "-----BEGIN CERTIFICATE-----\n");
      while (out->len < size)
        {
          guchar raw[48];
          g_autofree char *line = NULL;

          for (guint i = 0; i < sizeof raw; i++)
            raw[i] = g_rand_int (gen->rand) & 0xff;
          line = g_base64_encode (raw, sizeof raw);
          g_string_append_printf (out, "%s\n", line);
        }
      g_string_append (out, "-----END CERTIFICATE-----\n");
    }
  else
    {
      g_string_append_printf (out, "# %s\n", title);
      while (out->len < size)
        append_paragraph (gen, out, 3, 6);
      g_string_append_c (out, '\n');
    }

  return g_string_free_to_bytes (out);
}

static const char *
requirement_id (GPtrArray *requirements,
                guint      index)
{
  return cf_catalogue_item_get_id (g_ptr_array_index (requirements, index));
}

static gboolean
fill_evidence (Gen          *gen,
               CfStore      *store,
               CfCatalogue  *catalogue,
               gint64        product_id,
               guint         n_evidence,
               GError      **error)
{
  /* Shares of each kind out of 100, as a product of this size has them. */
  static const struct {
    const char *kind;
    guint       share;
    const char *label;
    const char *extension;
    const char *media_type;
  } kinds[] = {
    { "test-report", 30, "Test report", "md", "text/markdown" },
    { "design-document", 12, "Design document", "md", "text/markdown" },
    { "policy", 8, "Policy", "md", "text/markdown" },
    { "penetration-test", 5, "Penetration test", "md", "text/markdown" },
    { "sbom", 6, "SBOM", "cdx.json", "application/json" },
    { "certificate", 10, "Certificate", "pem", "application/x-pem-file" },
    { "screenshot", 4, "Screenshot", "png", "image/png" },
    { "other", 25, "Record", "txt", "text/plain" },
  };
  g_autoptr(GPtrArray) requirements = cf_requirements_list (catalogue);

  for (guint i = 0; i < n_evidence; i++)
    {
      g_autoptr(CfEvidence) item = cf_evidence_new ();
      g_autoptr(GBytes) content = NULL;
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GPtrArray) linked = g_ptr_array_new ();
      g_autofree char *title = NULL;
      g_autofree char *file_name = NULL;
      gint threats[3];
      guint n_links = g_rand_int_range (gen->rand, 1, 5);
      guint n_wanted = g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (threats) + 1);
      guint n_threats = 0;
      guint roll = g_rand_int_range (gen->rand, 0, 100);
      guint k = 0;

      while (k < G_N_ELEMENTS (kinds) - 1 && roll >= kinds[k].share)
        roll -= kinds[k++].share;

      title = g_strdup_printf ("%s %u: %s of the %s", kinds[k].label, i + 1,
                               PICK (gen, verifications), PICK (gen, components));
      file_name = g_strdup_printf ("nr7-%s-%03u.%s", kinds[k].kind, i + 1, kinds[k].extension);
      if (g_str_equal (kinds[k].kind, "screenshot"))
        content = make_png (gen);
      else
        content = make_text (gen, kinds[k].kind, title,
                             g_rand_int_range (gen->rand, 1024, 20 * 1024));

      /* The first items cover every requirement once, so none lacks evidence. */
      if (i < requirements->len)
        g_ptr_array_add (linked, (gpointer) requirement_id (requirements, i));
      for (guint l = 0; l < n_links; l++)
        {
          const char *id = requirement_id (requirements,
                                           g_rand_int_range (gen->rand, 0, requirements->len));

          if (!g_ptr_array_find_with_equal_func (linked, id, g_str_equal, NULL))
            g_ptr_array_add (linked, (gpointer) id);
        }
      g_ptr_array_add (linked, NULL);
      for (guint t = 0; t < n_wanted; t++)
        {
          gint number = (gint) ((i * 5 + t * 17) % gen->n_threats) + 1;
          gboolean seen = FALSE;

          for (guint u = 0; u < n_threats; u++)
            seen = seen || threats[u] == number;
          if (!seen)
            threats[n_threats++] = number;
        }

      cf_evidence_set_title (item, title);
      cf_evidence_set_kind (item, kinds[k].kind);
      if (g_rand_int_range (gen->rand, 0, 10) < 3)
        {
          int year = g_rand_int_range (gen->rand, 2030, 2036);
          int month = g_rand_int_range (gen->rand, 1, 13);
          g_autofree char *until = g_strdup_printf ("%d-%02d-28", year, month);

          cf_evidence_set_valid_until (item, until);
        }
      cf_evidence_set_requirements (item, (const char * const *) linked->pdata);
      cf_evidence_set_threats (item, threats, n_threats);

      stream = g_memory_input_stream_new_from_bytes (content);
      if (cf_store_add_evidence_from_stream (store, product_id, item, 0, stream,
                                             g_bytes_get_size (content), file_name,
                                             kinds[k].media_type, NULL, NULL, NULL, error) == 0)
        return FALSE;
    }

  return TRUE;
}

/* The SBOM: a CycloneDX 1.5 JSON document as cyclonedx-npm, cyclonedx-maven
 * and syft write them, for the firmware's 2,000 third-party components. It is
 * written to a temporary file and imported as a user would import it, so the
 * database holds what `conformity-cli sbom import` would store. The JSON
 * writer is a minimal copy of the one in make-cyclonedx.c (which this
 * program does not run). */

typedef struct
{
  GString  *out;
  guint     depth;
  gboolean  first[16];  /* nothing yet in the container at this depth */
} Json;

static void
json_indent (Json *json)
{
  g_string_append_c (json->out, '\n');
  for (guint i = 0; i < json->depth; i++)
    g_string_append (json->out, "  ");
}

/* Quotes, backslashes and control characters escaped; UTF-8 as it is. */
static void
json_quote (Json       *json,
            const char *text)
{
  g_string_append_c (json->out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (json->out, "\\%c", c);
      else if (c < 0x20)
        g_string_append_printf (json->out, "\\u%04x", c);
      else
        g_string_append_c (json->out, (char) c);
    }
  g_string_append_c (json->out, '"');
}

/* The comma after the previous value, the line, and the member's name. */
static void
json_value (Json       *json,
            const char *key)
{
  if (json->depth > 0)
    {
      if (!json->first[json->depth])
        g_string_append_c (json->out, ',');
      json->first[json->depth] = FALSE;
      json_indent (json);
    }
  if (key != NULL)
    {
      json_quote (json, key);
      g_string_append (json->out, ": ");
    }
}

static void
json_open (Json       *json,
           const char *key,
           char        bracket)
{
  json_value (json, key);
  g_string_append_c (json->out, bracket);
  json->depth++;
  g_assert (json->depth < G_N_ELEMENTS (json->first));
  json->first[json->depth] = TRUE;
}

static void
json_close (Json *json,
            char  bracket)
{
  gboolean empty = json->first[json->depth];

  json->depth--;
  if (!empty)
    json_indent (json);
  g_string_append_c (json->out, bracket);
}

#define json_begin_object(json, key) json_open ((json), (key), '{')
#define json_end_object(json) json_close ((json), '}')
#define json_begin_array(json, key) json_open ((json), (key), '[')
#define json_end_array(json) json_close ((json), ']')

static void
json_string (Json       *json,
             const char *key,
             const char *value)
{
  json_value (json, key);
  json_quote (json, value);
}

/* Words for package names: each ecosystem's own, and words any of them uses. */
static const char * const npm_heads[] = {
  "lodash", "react", "express", "axios", "chalk", "commander", "debug", "semver", "uuid", "yargs",
  "minimist", "glob", "mkdirp", "async", "moment", "dayjs", "rxjs", "tslib", "zod", "ws",
};

static const char * const maven_heads[] = {
  "jackson", "netty", "guava", "spring", "hibernate", "log4j", "slf4j", "commons", "jetty", "okhttp",
  "bouncycastle", "micrometer", "reactor", "logback", "snakeyaml",
};

static const char * const pypi_heads[] = {
  "requests", "urllib3", "numpy", "pandas", "flask", "django", "pydantic", "attrs", "click", "jinja",
  "paho", "pymodbus", "asyncua", "cryptography", "certifi",
};

static const char * const go_heads[] = {
  "cobra", "viper", "zap", "grpc", "protobuf", "yaml", "toml", "cron", "mux", "gin", "logrus",
  "testify", "errgroup",
};

static const char * const common_heads[] = {
  "crypto", "jwt", "oauth", "redis", "kafka", "mqtt", "sqlite", "modbus", "opcua", "http",
  "stream", "buffer", "event", "promise", "cache", "queue", "socket", "tls", "json", "xml",
};

static const char * const package_tails[] = {
  "core", "utils", "parser", "client", "server", "common", "api", "types", "plugin", "loader",
  "runtime", "config", "compat", "extra", "tools", "helpers", "bindings", "adapter", "codec", "cli",
  "annotations", "databind", "transport", "handler", "resolver", "validator", "schema", "logging",
  "metrics", "streams", "native", "web", "lite", "sdk", "engine",
};

static const char * const npm_scopes[] = {
  "angular", "babel", "types", "aws-sdk", "nestjs", "emotion", "mui", "vue", "sentry", "octokit",
  "smithy", "rollup", "esbuild", "opentelemetry",
};

static const char * const maven_orgs[] = {
  "org.apache", "com.fasterxml", "io.netty", "org.springframework", "com.google", "org.eclipse",
  "io.micrometer", "org.hibernate", "com.squareup", "org.bouncycastle", "io.projectreactor",
  "org.jboss", "ch.qos", "org.yaml", "io.grpc", "com.nimbusds", "org.glassfish", "jakarta",
};

static const char * const go_hosts[] = {
  "github.com/spf13", "github.com/stretchr", "golang.org/x", "github.com/prometheus",
  "github.com/sirupsen", "go.uber.org", "google.golang.org", "github.com/gorilla",
  "github.com/hashicorp", "github.com/eclipse", "k8s.io", "github.com/gopcua", "go.etcd.io",
  "github.com/containerd", "github.com/opencontainers", "gopkg.in",
};

static const char * const suppliers[] = {
  "The Apache Software Foundation", "FasterXML", "The Netty Project", "VMware, Inc.", "Google LLC",
  "Eclipse Foundation", "OpenJS Foundation", "Python Software Foundation", "Meta Platforms, Inc.",
  "Microsoft Corporation", "Amazon Web Services", "HashiCorp", "Red Hat, Inc.", "Square, Inc.",
  "Legion of the Bouncy Castle Inc.", "Cloud Native Computing Foundation",
  "Müller & Söhne Software GmbH", "Łódź Open Source Sp. z o.o.", "Independent maintainers",
};

static const char * const package_authors[] = {
  "Tatu Saloranta", "Sindre Sorhus", "Kenneth Reitz", "Steve Francia", "Trustin Lee", "José Valim",
  "Jürgen Höller", "TJ Holowaychuk", "Armin Ronacher", "Mitchell Hashimoto", "Łukasz Langa",
};

static const char * const licence_ids[] = {
  "MIT", "MIT", "MIT", "Apache-2.0", "Apache-2.0", "Apache-2.0", "BSD-3-Clause", "BSD-2-Clause",
  "ISC", "MPL-2.0", "EPL-2.0", "LGPL-2.1-only", "0BSD", "Python-2.0", "Zlib",
};

static const char * const licence_expressions[] = {
  "MIT OR Apache-2.0", "(MIT AND Zlib)", "EPL-2.0 OR GPL-2.0-only WITH Classpath-exception-2.0",
  "BSD-3-Clause OR GPL-2.0-or-later", "LGPL-2.1-or-later OR MPL-2.0",
};

/* The names cyclonedx-maven copies from a POM's <licenses>. */
static const char * const licence_names[] = {
  "The Apache Software License, Version 2.0", "Eclipse Public License - v 2.0",
  "Bouncy Castle Licence", "GNU Lesser General Public License",
};

typedef enum { NPM, MAVEN, PYPI, GOLANG } Ecosystem;

typedef struct
{
  Ecosystem  ecosystem;
  char      *group;    /* Maven's groupId, else NULL */
  char      *name;
  char      *version;
  char      *purl;     /* also the bom-ref, as cyclonedx-maven and syft make it */
} Package;

static void
package_free (gpointer data)
{
  Package *package = data;

  g_free (package->group);
  g_free (package->name);
  g_free (package->version);
  g_free (package->purl);
  g_free (package);
}

/* @n_bytes random bytes in lower-case hex, as a digest would be. */
static char *
random_hex (Gen   *gen,
            guint  n_bytes)
{
  GString *hex = g_string_sized_new (n_bytes * 2);

  for (guint i = 0; i < n_bytes; i += 4)
    g_string_append_printf (hex, "%08x", g_rand_int (gen->rand));
  g_string_truncate (hex, n_bytes * 2);
  return g_string_free (hex, FALSE);
}

static char *
random_version (Gen       *gen,
                Ecosystem  ecosystem)
{
  guint major = g_rand_int_range (gen->rand, 0, 10) < 3 ? 0 : g_rand_int_range (gen->rand, 1, 12);
  guint minor = g_rand_int_range (gen->rand, 0, 40);
  guint patch = g_rand_int_range (gen->rand, 0, 30);
  guint roll = g_rand_int_range (gen->rand, 0, 20);

  switch (ecosystem)
    {
    case GOLANG:
      if (roll < 2)
        {
          /* A pseudo-version: the commit's UTC time and hash. Draw in order. */
          int month = g_rand_int_range (gen->rand, 1, 13);
          int day = g_rand_int_range (gen->rand, 1, 29);
          int second = g_rand_int_range (gen->rand, 0, 24 * 3600);
          g_autofree char *commit = random_hex (gen, 6);

          return g_strdup_printf ("v0.0.0-2026%02d%02d%02d%02d%02d-%s", month, day, second / 3600,
                                  second / 60 % 60, second % 60, commit);
        }
      return g_strdup_printf ("v%u.%u.%u", major, minor, patch);
    case MAVEN:
      if (roll < 2)
        return g_strdup_printf ("%u.%u.%u.Final", major + 1, minor, patch);
      if (roll < 3)
        return g_strdup_printf ("%u.%u-jre", major + 20, minor);
      return g_strdup_printf ("%u.%u.%u", major + 1, minor, patch);
    case PYPI:
      if (roll < 1)
        return g_strdup_printf ("%u.%u.post%u", major + 1, minor, patch);
      return g_strdup_printf ("%u.%u.%u", major + 1, minor, patch);
    case NPM:
    default:
      if (roll < 1)
        return g_strdup_printf ("%u.%u.%u-beta.%d", major, minor, patch, g_rand_int_range (gen->rand, 1, 9));
      return g_strdup_printf ("%u.%u.%u", major, minor, patch);
    }
}

/* One or two words, the first mostly the ecosystem's own; @attempt > 0
 * makes a name unique after a clash. */
static char *
random_package_name (Gen               *gen,
                     const char * const *heads,
                     guint               n_heads,
                     const char         *separator,
                     guint               attempt)
{
  const char *head = g_rand_int_range (gen->rand, 0, 10) < 6
                     ? heads[g_rand_int_range (gen->rand, 0, n_heads)]
                     : PICK (gen, common_heads);
  g_autofree char *name = g_rand_int_range (gen->rand, 0, 4) == 0
                          ? g_strdup (head)
                          : g_strconcat (head, separator, PICK (gen, package_tails), NULL);

  return attempt > 0 ? g_strdup_printf ("%s%s%u", name, separator, attempt + 1) : g_steal_pointer (&name);
}

#define RANDOM_NAME(gen, heads, separator, attempt) \
  random_package_name ((gen), (heads), G_N_ELEMENTS (heads), (separator), (attempt))

static Package *
random_package (Gen   *gen,
                guint  attempt)
{
  Package *package = g_new0 (Package, 1);
  guint roll = g_rand_int_range (gen->rand, 0, 100);

  package->ecosystem = roll < 40 ? NPM : roll < 70 ? MAVEN : roll < 85 ? PYPI : GOLANG;
  package->version = random_version (gen, package->ecosystem);

  switch (package->ecosystem)
    {
    case NPM:
      package->name = RANDOM_NAME (gen, npm_heads, "-", attempt);
      if (g_rand_int_range (gen->rand, 0, 4) == 0)
        {
          const char *scope = PICK (gen, npm_scopes);
          char *scoped = g_strdup_printf ("@%s/%s", scope, package->name);

          package->purl = g_strdup_printf ("pkg:npm/%%40%s/%s@%s", scope, package->name, package->version);
          g_free (package->name);
          package->name = scoped;
        }
      else
        package->purl = g_strdup_printf ("pkg:npm/%s@%s", package->name, package->version);
      break;

    case MAVEN:
      package->group = g_strdup_printf ("%s.%s", PICK (gen, maven_orgs), PICK (gen, maven_heads));
      package->name = RANDOM_NAME (gen, maven_heads, "-", attempt);
      package->purl = g_strdup_printf ("pkg:maven/%s/%s@%s?type=jar", package->group, package->name,
                                       package->version);
      break;

    case PYPI:
      package->name = RANDOM_NAME (gen, pypi_heads, "-", attempt);
      package->purl = g_strdup_printf ("pkg:pypi/%s@%s", package->name, package->version);
      break;

    case GOLANG:
    default:
      {
        g_autofree char *name = RANDOM_NAME (gen, go_heads, "", 0);

        if (attempt > 0)
          package->name = g_strdup_printf ("%s/%s/v%u", PICK (gen, go_hosts), name, attempt + 1);
        else
          package->name = g_strdup_printf ("%s/%s", PICK (gen, go_hosts), name);
        package->purl = g_strdup_printf ("pkg:golang/%s@%s", package->name, package->version);
      }
      break;
    }

  return package;
}

static void
write_hash (Json       *json,
            const char *algorithm,
            char       *value)  /* (transfer full) */
{
  json_begin_object (json, NULL);
  json_string (json, "alg", algorithm);
  json_string (json, "content", value);
  json_end_object (json);
  g_free (value);
}

static void
write_component (Gen           *gen,
                 Json          *json,
                 const Package *package)
{
  guint roll;

  json_begin_object (json, NULL);
  json_string (json, "bom-ref", package->purl);
  json_string (json, "type", "library");
  json_begin_object (json, "supplier");
  json_string (json, "name", PICK (gen, suppliers));
  json_end_object (json);
  if (g_rand_int_range (gen->rand, 0, 10) < 4)
    json_string (json, "author", PICK (gen, package_authors));
  if (package->group != NULL)
    json_string (json, "group", package->group);
  json_string (json, "name", package->name);
  json_string (json, "version", package->version);
  json_string (json, "scope", g_rand_int_range (gen->rand, 0, 10) == 0 ? "optional" : "required");

  /* SHA-256 for every component, SHA-512 for half, SHA-1 beside them for
   * Maven as cyclonedx-maven writes it. */
  json_begin_array (json, "hashes");
  if (package->ecosystem == MAVEN)
    write_hash (json, "SHA-1", random_hex (gen, 20));
  write_hash (json, "SHA-256", random_hex (gen, 32));
  if (g_rand_boolean (gen->rand))
    write_hash (json, "SHA-512", random_hex (gen, 64));
  json_end_array (json);

  /* An SPDX id, a POM's licence name or an expression; a few have none. */
  roll = g_rand_int_range (gen->rand, 0, 100);
  if (roll < 96)
    {
      json_begin_array (json, "licenses");
      json_begin_object (json, NULL);
      if (roll < 78)
        {
          json_begin_object (json, "license");
          json_string (json, "id", PICK (gen, licence_ids));
          json_end_object (json);
        }
      else if (roll < 86 && package->ecosystem == MAVEN)
        {
          json_begin_object (json, "license");
          json_string (json, "name", PICK (gen, licence_names));
          json_end_object (json);
        }
      else
        json_string (json, "expression", PICK (gen, licence_expressions));
      json_end_object (json);
      json_end_array (json);
    }

  json_string (json, "purl", package->purl);
  json_end_object (json);
}

static GBytes *
make_cyclonedx (Gen   *gen,
                guint  n_components)
{
  static const char root_ref[] = "pkg:generic/northwind/nr7-firmware@4.2.0";
  g_autoptr(GPtrArray) packages = g_ptr_array_new_with_free_func (package_free);
  g_autoptr(GHashTable) purls = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *uuid = random_hex (gen, 16);
  Json json = { g_string_sized_new (n_components * 1200) };

  /* Unique purls (and so bom-refs): a clash gets a numbered name. */
  for (guint i = 0; i < n_components; i++)
    for (guint attempt = 0;; attempt++)
      {
        Package *package = random_package (gen, attempt);

        if (g_hash_table_add (purls, package->purl))
          {
            g_ptr_array_add (packages, package);
            break;
          }
        package_free (package);
      }

  json_begin_object (&json, NULL);
  json_string (&json, "bomFormat", "CycloneDX");
  json_string (&json, "specVersion", "1.5");
  json_value (&json, "serialNumber");
  g_string_append_printf (json.out, "\"urn:uuid:%.8s-%.4s-4%.3s-a%.3s-%.12s\"",
                          uuid, uuid + 8, uuid + 13, uuid + 17, uuid + 20);
  json_value (&json, "version");
  g_string_append_c (json.out, '1');

  json_begin_object (&json, "metadata");
  json_string (&json, "timestamp", "2027-02-15T09:30:12Z");
  json_begin_object (&json, "tools");
  json_begin_array (&json, "components");
  json_begin_object (&json, NULL);
  json_string (&json, "type", "application");
  json_string (&json, "author", "anchore");
  json_string (&json, "name", "syft");
  json_string (&json, "version", "1.18.1");
  json_end_object (&json);
  json_end_array (&json);
  json_end_object (&json);
  json_begin_array (&json, "authors");
  json_begin_object (&json, NULL);
  json_string (&json, "name", "Northwind Industrial Networks GmbH, product security team");
  json_string (&json, "email", "psirt@northwind.example");
  json_end_object (&json);
  json_end_array (&json);
  json_begin_object (&json, "component");
  json_string (&json, "bom-ref", root_ref);
  json_string (&json, "type", "firmware");
  json_string (&json, "name", "nr7-firmware");
  json_string (&json, "version", "4.2.0");
  json_string (&json, "purl", root_ref);
  json_end_object (&json);
  json_begin_object (&json, "supplier");
  json_string (&json, "name", "Northwind Industrial Networks GmbH");
  json_begin_array (&json, "url");
  json_value (&json, NULL);
  json_quote (&json, "https://northwind.example");
  json_end_array (&json);
  json_end_object (&json);
  json_end_object (&json);

  json_begin_array (&json, "components");
  for (guint i = 0; i < packages->len; i++)
    write_component (gen, &json, g_ptr_array_index (packages, i));
  json_end_array (&json);

  /* The firmware depends on the first components directly; each component
   * on 0 to 4 later ones, so there is no cycle. */
  json_begin_array (&json, "dependencies");
  json_begin_object (&json, NULL);
  json_string (&json, "ref", root_ref);
  json_begin_array (&json, "dependsOn");
  for (guint i = 0; i < MIN (packages->len, 40); i++)
    json_string (&json, NULL, ((Package *) g_ptr_array_index (packages, i))->purl);
  json_end_array (&json);
  json_end_object (&json);
  for (guint i = 0; i < packages->len; i++)
    {
      guint later = packages->len - i - 1;
      /* MIN() evaluates its arguments twice: draw first. */
      guint wanted = g_rand_int_range (gen->rand, 0, 5);
      guint n = MIN (later, wanted);
      guint chosen[4];

      json_begin_object (&json, NULL);
      json_string (&json, "ref", ((Package *) g_ptr_array_index (packages, i))->purl);
      json_begin_array (&json, "dependsOn");
      for (guint d = 0; d < n; d++)
        {
          guint j;
          gboolean seen;

          do
            {
              j = i + 1 + g_rand_int_range (gen->rand, 0, MIN (later, 300));
              seen = FALSE;
              for (guint e = 0; e < d; e++)
                seen = seen || chosen[e] == j;
            }
          while (seen);
          chosen[d] = j;
          json_string (&json, NULL, ((Package *) g_ptr_array_index (packages, j))->purl);
        }
      json_end_array (&json);
      json_end_object (&json);
    }
  json_end_array (&json);
  json_end_object (&json);
  g_string_append_c (json.out, '\n');

  return g_string_free_to_bytes (json.out);
}

/* Writes the SBOM where a user would have it and imports it for the product. */
static gboolean
fill_sbom (Gen      *gen,
           CfStore  *store,
           gint64    product_id,
           guint     n_components,
           GError  **error)
{
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  gboolean ok;

  if (n_components == 0)
    return TRUE;

  content = make_cyclonedx (gen, n_components);
  dir = g_dir_make_tmp ("make-large-product-XXXXXX", error);
  if (dir == NULL)
    return FALSE;
  path = g_build_filename (dir, "nr7-firmware-4.2.0.cdx.json", NULL);
  file = g_file_new_for_path (path);

  ok = g_file_set_contents (path, g_bytes_get_data (content, NULL), g_bytes_get_size (content), error) &&
       cf_store_import_sbom (store, product_id, file, NULL, NULL, NULL, NULL, error) != 0;

  g_unlink (path);
  g_rmdir (dir);
  return ok;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfCatalogue) catalogue = NULL;
  g_autoptr(CfGenerator) generator = NULL;
  gint n_threats = 60;
  gint n_evidence = 300;
  gint n_components = 2000;
  gint seed = 7;
  gint64 product_id = 0;
  Gen gen = { 0 };
  const GOptionEntry entries[] = {
    { "threats", 0, 0, G_OPTION_ARG_INT, &n_threats, "Threats in the risk register (60)", "N" },
    { "evidence", 0, 0, G_OPTION_ARG_INT, &n_evidence, "Evidence items (300)", "N" },
    { "components", 0, 0, G_OPTION_ARG_INT, &n_components,
      "Components in the imported SBOM (2000; 0 imports none)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the text generator (7)", "N" },
    G_OPTION_ENTRY_NULL
  };

  setlocale (LC_ALL, "");
  options = g_option_context_new ("DB — a new project database with one large product");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("make-large-product: %s\n", error->message);
      return 2;
    }
  if (argc != 2 || n_threats < 1 || n_evidence < 0 || n_components < 0)
    {
      g_printerr ("Usage: make-large-product [--threats N] [--evidence N] [--components N] [--seed N] DB\n");
      return 2;
    }
  if (g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      g_printerr ("make-large-product: %s exists; give a new file\n", argv[1]);
      return 2;
    }

  gen.rand = g_rand_new_with_seed (seed);
  gen.n_threats = n_threats;

  store = cf_store_open (argv[1], &error);
  catalogue = store ? cf_catalogue_load_default (&error) : NULL;
  if (catalogue == NULL ||
      !fill_records (store, &product_id, &error) ||
      !fill_assessment (store, product_id, &error) ||
      !fill_threats (&gen, store, product_id, &error) ||
      !fill_requirements (&gen, store, catalogue, product_id, &error) ||
      !fill_user_information (store, product_id, &error) ||
      !fill_evidence (&gen, store, catalogue, product_id, n_evidence, &error) ||
      !fill_sbom (&gen, store, product_id, n_components, &error))
    {
      g_printerr ("make-large-product: %s\n", error->message);
      g_rand_free (gen.rand);
      return 1;
    }
  g_rand_free (gen.rand);

  /* The technical documentation cites the latest user information and
   * declaration (Annex VII, 1(d) and 7): generate them as a real project
   * would have. Drafts are fine. */
  generator = cf_generator_new (store, catalogue);
  {
    g_autoptr(CfDocumentInfo) user_information =
      cf_generator_generate (generator, product_id, CF_DOCUMENT_KIND_USER_INFORMATION, NULL,
                             &error);
    g_autoptr(CfDocumentInfo) declaration = user_information
      ? cf_generator_generate (generator, product_id, CF_DOCUMENT_KIND_DECLARATION, NULL, &error)
      : NULL;

    if (declaration == NULL)
      {
        g_printerr ("make-large-product: %s\n", error->message);
        return 1;
      }
  }

  g_print ("%" G_GINT64_FORMAT "\n", product_id);
  return 0;
}
