/* make-cyclonedx.c — a large, realistic CycloneDX 1.5 JSON SBOM
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the SBOM import benchmark (tests/bench/sbom-import.sh,
 * docs/PERFORMANCE.md): an SBOM of N components shaped like what
 * cyclonedx-maven and syft write — the document's metadata (timestamp,
 * authors, tools in the 1.5 object form, the product as metadata.component),
 * then every component with its bom-ref, type, name, version, supplier,
 * purl (npm, Maven, PyPI and Go mixed), licences (ids, names or expressions),
 * hashes, external references and, for some, an author, a CPE, a description
 * and syft's properties; then a dependency entry for every component, each
 * depending on 0 to 5 later ones (so there is no cycle), and the product on
 * the first ones.
 *
 * Names, versions and hashes come from a seeded generator: the same seed
 * writes the same file, byte for byte. The JSON is indented by two spaces as
 * cyclonedx-maven writes it, and written out as it is made: memory holds only
 * the components' bom-refs and purls (for the dependencies and to keep them
 * unique).
 *
 * GLib only: it must not share a JSON parser or writer with the code it
 * benchmarks.
 *
 * Usage: make-cyclonedx [--components N] [--seed S] OUT.json
 * Prints the number of components and of dependency edges written.
 */
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])
#define PERCENT(rand, p) (g_rand_int_range ((rand), 0, 100) < (p))

/* Words for package names, in the style of each ecosystem. */
static const char * const heads[] = {
  "lodash", "react", "express", "axios", "chalk", "commander", "debug", "semver", "uuid", "yargs",
  "minimist", "glob", "rimraf", "mkdirp", "async", "moment", "dayjs", "rxjs", "tslib", "zod",
  "jackson", "netty", "guava", "spring", "hibernate", "log4j", "slf4j", "commons", "jetty", "okhttp",
  "requests", "urllib3", "numpy", "pandas", "flask", "django", "pydantic", "attrs", "click", "jinja",
  "cobra", "viper", "zap", "grpc", "protobuf", "yaml", "toml", "cron", "mux", "gin",
  "crypto", "jwt", "oauth", "redis", "kafka", "mongo", "sqlite", "postgres", "http", "stream",
  "buffer", "event", "promise", "cache", "queue", "socket", "tls", "json", "xml", "csv",
};

static const char * const tails[] = {
  "core", "utils", "parser", "client", "server", "common", "api", "types", "plugin", "loader",
  "runtime", "config", "compat", "extra", "tools", "helpers", "bindings", "adapter", "codec", "cli",
  "annotations", "databind", "transport", "handler", "resolver", "validator", "schema", "logging",
  "metrics", "streams", "async", "native", "web", "test", "mock", "lite", "sdk", "engine",
};

static const char * const npm_scopes[] = {
  "angular", "babel", "types", "aws-sdk", "nestjs", "emotion", "mui", "vue", "sentry", "octokit",
  "smithy", "jest", "typescript-eslint", "rollup", "esbuild", "opentelemetry",
};

static const char * const maven_orgs[] = {
  "org.apache", "com.fasterxml", "io.netty", "org.springframework", "com.google", "org.eclipse",
  "io.micrometer", "org.hibernate", "com.squareup", "org.bouncycastle", "io.projectreactor",
  "org.jboss", "ch.qos", "org.yaml", "io.grpc", "com.nimbusds", "org.glassfish", "jakarta",
};

static const char * const go_hosts[] = {
  "github.com/spf13", "github.com/stretchr", "golang.org/x", "github.com/prometheus",
  "github.com/sirupsen", "go.uber.org", "google.golang.org", "github.com/gorilla",
  "github.com/hashicorp", "github.com/aws", "k8s.io", "github.com/docker", "go.etcd.io",
  "github.com/containerd", "github.com/opencontainers", "gopkg.in",
};

/* Suppliers and authors; some with characters that must pass through as
 * UTF-8, one with quotes that must be escaped. */
static const char * const suppliers[] = {
  "The Apache Software Foundation", "FasterXML", "The Netty Project", "VMware, Inc.", "Google LLC",
  "Eclipse Foundation", "OpenJS Foundation", "Python Software Foundation", "Meta Platforms, Inc.",
  "Microsoft Corporation", "Amazon Web Services", "HashiCorp", "Red Hat, Inc.", "Square, Inc.",
  "Legion of the Bouncy Castle Inc.", "Pivotal Software", "Cloud Native Computing Foundation",
  "Müller & Söhne Software GmbH", "Łódź Open Source Sp. z o.o.", "Société \"Libre\" SARL",
  "Nordic Semiconductor ASA", "Independent maintainers",
};

static const char * const authors[] = {
  "Tatu Saloranta <tatu@fasterxml.com>", "Sindre Sorhus <sindresorhus@gmail.com>",
  "Kenneth Reitz <me@kennethreitz.org>", "Steve Francia <steve.francia@gmail.com>",
  "Trustin Lee <trustin@gmail.com>", "José Valim", "Zoë Schmidt <zoe@example.org>",
  "Jürgen Höller", "TJ Holowaychuk <tj@vision-media.ca>", "Armin Ronacher <armin.ronacher@active-4.com>",
  "Mitchell Hashimoto", "Łukasz Langa <lukasz@langa.pl>", "The \"core\" team",
};

static const char * const licence_ids[] = {
  "MIT", "MIT", "MIT", "Apache-2.0", "Apache-2.0", "Apache-2.0", "BSD-3-Clause", "BSD-2-Clause",
  "ISC", "MPL-2.0", "EPL-2.0", "LGPL-2.1-only", "0BSD", "Unlicense", "Python-2.0", "Zlib",
};

static const char * const licence_expressions[] = {
  "MIT OR Apache-2.0", "Apache-2.0 OR MIT", "(MIT AND Zlib)", "EPL-2.0 OR GPL-2.0-only WITH Classpath-exception-2.0",
  "BSD-3-Clause OR GPL-2.0-or-later", "LGPL-2.1-or-later OR MPL-2.0", "(Apache-2.0 AND BSD-3-Clause)",
};

/* The names cyclonedx-maven copies from a POM's <licenses>. */
static const char * const licence_names[] = {
  "The Apache Software License, Version 2.0", "Eclipse Public License - v 2.0",
  "Bouncy Castle Licence", "GNU Lesser General Public License", "The MIT License",
};

static const char * const descriptions[] = {
  "General data-binding functionality for Jackson: works on core streaming API",
  "Lodash modular utilities.",
  "Promise based HTTP client for the browser and node.js",
  "Python HTTP for Humans.",
  "A Commander for modern Go CLI interactions",
  "Netty is an asynchronous event-driven network application framework for rapid development of maintainable high performance protocol servers & clients.",
  "Fast, unopinionated, minimalist web framework",
  "Data validation using Python type hints",
  "Structured, pluggable logging for Go.",
  "The \"official\" client, with a tab\tand a backslash \\ in its description",
  "Zero-dependency schema declaration and validation library; ≈ 8 KiB minified — “fast”",
  "Bouncy Castle provider for cryptographic algorithms (JDK 1.8 and up).",
};

typedef enum { NPM, MAVEN, PYPI, GOLANG } Ecosystem;

typedef struct
{
  FILE       *out;
  const char *path;
  GString    *buf;
  guint       depth;
  gboolean    first[32];  /* nothing yet in the container at this depth */
} Json;

/* Writes what is buffered once it is large enough, or always if @all. */
static gboolean
json_flush (Json     *json,
            gboolean  all,
            GError  **error)
{
  if (json->buf->len == 0 || (!all && json->buf->len < 64 * 1024))
    return TRUE;
  if (fwrite (json->buf->str, 1, json->buf->len, json->out) != json->buf->len)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "%s: %s", json->path, g_strerror (saved));
      return FALSE;
    }
  g_string_truncate (json->buf, 0);
  return TRUE;
}

static void
json_indent (Json *json)
{
  g_string_append_c (json->buf, '\n');
  for (guint i = 0; i < json->depth; i++)
    g_string_append (json->buf, "  ");
}

/* A JSON string, escaped: quotes, backslashes and control characters;
 * everything else, UTF-8 included, as it is. */
static void
json_quote (Json       *json,
            const char *text)
{
  g_string_append_c (json->buf, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"': g_string_append (json->buf, "\\\""); break;
        case '\\': g_string_append (json->buf, "\\\\"); break;
        case '\n': g_string_append (json->buf, "\\n"); break;
        case '\r': g_string_append (json->buf, "\\r"); break;
        case '\t': g_string_append (json->buf, "\\t"); break;
        case '\b': g_string_append (json->buf, "\\b"); break;
        case '\f': g_string_append (json->buf, "\\f"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (json->buf, "\\u%04x", c);
          else
            g_string_append_c (json->buf, (char) c);
        }
    }
  g_string_append_c (json->buf, '"');
}

/* Starts a value: the comma after the previous one, the line, and the
 * member's name when in an object. */
static void
json_value (Json       *json,
            const char *key)
{
  if (json->depth > 0)
    {
      if (!json->first[json->depth])
        g_string_append_c (json->buf, ',');
      json->first[json->depth] = FALSE;
      json_indent (json);
    }
  if (key != NULL)
    {
      json_quote (json, key);
      g_string_append (json->buf, ": ");
    }
}

static void
json_open (Json       *json,
           const char *key,
           char        bracket)
{
  json_value (json, key);
  g_string_append_c (json->buf, bracket);
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
  g_string_append_c (json->buf, bracket);
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

static void
json_int (Json       *json,
          const char *key,
          gint64      value)
{
  json_value (json, key);
  g_string_append_printf (json->buf, "%" G_GINT64_FORMAT, value);
}

/* @n_bytes random bytes in lower-case hex, as a digest would be. */
static char *
random_hex (GRand *rand,
            guint  n_bytes)
{
  GString *hex = g_string_sized_new (n_bytes * 2);

  for (guint i = 0; i < n_bytes; i += 4)
    g_string_append_printf (hex, "%08x", g_rand_int (rand));
  g_string_truncate (hex, n_bytes * 2);
  return g_string_free (hex, FALSE);
}

static char *
random_uuid (GRand *rand)
{
  g_autofree char *hex = random_hex (rand, 16);

  return g_strdup_printf ("%.8s-%.4s-4%.3s-a%.3s-%.12s", hex, hex + 8, hex + 13, hex + 17, hex + 20);
}

static char *
random_version (GRand     *rand,
                Ecosystem  ecosystem)
{
  guint major = g_rand_int_range (rand, 0, 100) < 30 ? 0 : g_rand_int_range (rand, 1, 12);
  guint minor = g_rand_int_range (rand, 0, 40);
  guint patch = g_rand_int_range (rand, 0, 30);

  switch (ecosystem)
    {
    case GOLANG:
      if (PERCENT (rand, 10))
        return g_strdup_printf ("v0.0.0-2024%02u%02u%06u-%.12s", g_rand_int_range (rand, 1, 13),
                                g_rand_int_range (rand, 1, 29), g_rand_int_range (rand, 0, 240000),
                                "a1b2c3d4e5f6");
      return g_strdup_printf ("v%u.%u.%u", major, minor, patch);
    case MAVEN:
      if (PERCENT (rand, 10))
        return g_strdup_printf ("%u.%u.%u.Final", major + 1, minor, patch);
      if (PERCENT (rand, 5))
        return g_strdup_printf ("%u.%u.%u-jre", major + 20, minor, patch);
      return g_strdup_printf ("%u.%u.%u", major + 1, minor, patch);
    case PYPI:
      if (PERCENT (rand, 5))
        return g_strdup_printf ("%u.%u.post%u", major + 1, minor, patch);
      return g_strdup_printf ("%u.%u.%u", major + 1, minor, patch);
    case NPM:
    default:
      if (PERCENT (rand, 5))
        return g_strdup_printf ("%u.%u.%u-beta.%u", major, minor, patch, g_rand_int_range (rand, 1, 9));
      return g_strdup_printf ("%u.%u.%u", major, minor, patch);
    }
}

/* A name, made of one or two words. */
static char *
random_name (GRand      *rand,
             const char *separator)
{
  if (PERCENT (rand, 25))
    return g_strdup (PICK (rand, heads));
  return g_strconcat (PICK (rand, heads), separator, PICK (rand, tails), NULL);
}

typedef struct
{
  Ecosystem  ecosystem;
  char      *group;    /* Maven's groupId, else NULL */
  char      *name;
  char      *version;
  char      *purl;
} Package;

static void
package_clear (Package *package)
{
  g_free (package->group);
  g_free (package->name);
  g_free (package->version);
  g_free (package->purl);
}

static void
random_package (GRand   *rand,
                guint    attempt,
                Package *package)
{
  guint roll = g_rand_int_range (rand, 0, 100);
  g_autofree char *name = NULL;

  memset (package, 0, sizeof *package);
  package->ecosystem = roll < 40 ? NPM : roll < 70 ? MAVEN : roll < 85 ? PYPI : GOLANG;
  package->version = random_version (rand, package->ecosystem);

  switch (package->ecosystem)
    {
    case NPM:
      name = random_name (rand, "-");
      if (attempt > 0)
        package->name = g_strdup_printf ("%s%u", name, attempt);
      else
        package->name = g_steal_pointer (&name);
      if (PERCENT (rand, 25))
        {
          const char *scope = PICK (rand, npm_scopes);
          char *scoped = g_strdup_printf ("@%s/%s", scope, package->name);

          package->purl = g_strdup_printf ("pkg:npm/%%40%s/%s@%s", scope, package->name, package->version);
          g_free (package->name);
          package->name = scoped;
        }
      else
        package->purl = g_strdup_printf ("pkg:npm/%s@%s", package->name, package->version);
      break;

    case MAVEN:
      package->group = g_strdup_printf ("%s.%s", PICK (rand, maven_orgs), PICK (rand, heads));
      name = random_name (rand, "-");
      package->name = attempt > 0 ? g_strdup_printf ("%s%u", name, attempt) : g_steal_pointer (&name);
      package->purl = g_strdup_printf ("pkg:maven/%s/%s@%s?type=jar", package->group, package->name,
                                       package->version);
      break;

    case PYPI:
      name = random_name (rand, "-");
      package->name = attempt > 0 ? g_strdup_printf ("%s%u", name, attempt) : g_steal_pointer (&name);
      package->purl = g_strdup_printf ("pkg:pypi/%s@%s", package->name, package->version);
      break;

    case GOLANG:
    default:
      name = random_name (rand, "");
      if (attempt > 0)
        package->name = g_strdup_printf ("%s/%s/v%u", PICK (rand, go_hosts), name, attempt + 1);
      else
        package->name = g_strdup_printf ("%s/%s", PICK (rand, go_hosts), name);
      package->purl = g_strdup_printf ("pkg:golang/%s@%s", package->name, package->version);
      break;
    }
}

static void
write_hash (Json       *json,
            const char *algorithm,
            const char *value)
{
  json_begin_object (json, NULL);
  json_string (json, "alg", algorithm);
  json_string (json, "content", value);
  json_end_object (json);
}

static void
write_reference (Json       *json,
                 const char *type,
                 const char *url)
{
  json_begin_object (json, NULL);
  json_string (json, "type", type);
  json_string (json, "url", url);
  json_end_object (json);
}

static void
write_component (Json          *json,
                 GRand         *rand,
                 const Package *package,
                 const char    *ref)
{
  guint roll = g_rand_int_range (rand, 0, 100);
  const char *type = roll < 90 ? "library" : roll < 96 ? "framework" : "application";
  const char *base = strrchr (package->name, '/');

  base = base ? base + 1 : package->name;

  json_begin_object (json, NULL);
  json_string (json, "bom-ref", ref);
  json_string (json, "type", type);
  json_begin_object (json, "supplier");
  json_string (json, "name", PICK (rand, suppliers));
  if (PERCENT (rand, 30))
    {
      json_begin_array (json, "url");
      json_value (json, NULL);
      g_string_append_printf (json->buf, "\"https://%s.example.org\"", base);
      json_end_array (json);
    }
  json_end_object (json);
  if (PERCENT (rand, 30))
    json_string (json, "author", PICK (rand, authors));
  if (package->group != NULL)
    json_string (json, "group", package->group);
  json_string (json, "name", package->name);
  json_string (json, "version", package->version);
  if (PERCENT (rand, 60))
    json_string (json, "description", PICK (rand, descriptions));
  if (package->ecosystem != GOLANG || PERCENT (rand, 50))
    json_string (json, "scope", PERCENT (rand, 90) ? "required" : "optional");

  /* Hashes: SHA-256 for most, SHA-512 for about half, SHA-1 beside them
   * for Maven as cyclonedx-maven writes it. */
  {
    gboolean sha256 = PERCENT (rand, 90);
    gboolean sha512 = PERCENT (rand, 50);
    gboolean sha1 = package->ecosystem == MAVEN;

    if (sha256 || sha512 || sha1)
      {
        json_begin_array (json, "hashes");
        if (sha1)
          {
            g_autofree char *hex = random_hex (rand, 20);

            write_hash (json, "SHA-1", hex);
          }
        if (sha256)
          {
            g_autofree char *hex = random_hex (rand, 32);

            write_hash (json, "SHA-256", hex);
          }
        if (sha512)
          {
            g_autofree char *hex = random_hex (rand, 64);

            write_hash (json, "SHA-512", hex);
          }
        json_end_array (json);
      }
  }

  /* Licences: an id, a name from a POM, or an expression; a few have none. */
  roll = g_rand_int_range (rand, 0, 100);
  if (roll < 95)
    {
      json_begin_array (json, "licenses");
      json_begin_object (json, NULL);
      if (roll < 75)
        {
          const char *id = PICK (rand, licence_ids);

          json_begin_object (json, "license");
          json_string (json, "id", id);
          if (package->ecosystem == MAVEN)
            {
              g_autofree char *url = g_strdup_printf ("https://spdx.org/licenses/%s.html", id);

              json_string (json, "url", url);
            }
          json_end_object (json);
        }
      else if (roll < 85)
        {
          json_begin_object (json, "license");
          json_string (json, "name", PICK (rand, licence_names));
          json_end_object (json);
        }
      else
        json_string (json, "expression", PICK (rand, licence_expressions));
      json_end_object (json);
      json_end_array (json);
    }

  if (PERCENT (rand, 30))
    {
      g_autofree char *cpe = g_strdup_printf ("cpe:2.3:a:%s:%s:%s:*:*:*:*:*:*:*",
                                              PICK (rand, heads), base, package->version);

      json_string (json, "cpe", cpe);
    }
  json_string (json, "purl", package->purl);

  /* Where it comes from. */
  json_begin_array (json, "externalReferences");
  {
    g_autofree char *website = g_strdup_printf ("https://%s.example.org/", base);
    g_autofree char *vcs = g_strdup_printf ("https://github.com/%s/%s.git",
                                            PICK (rand, heads), base);
    g_autofree char *distribution = NULL;

    switch (package->ecosystem)
      {
      case NPM:
        distribution = g_strdup_printf ("https://registry.npmjs.org/%s/-/%s-%s.tgz",
                                        package->name, base, package->version);
        break;
      case MAVEN:
        {
          g_autofree char *path = g_strdelimit (g_strdup (package->group), ".", '/');

          distribution = g_strdup_printf ("https://repo.maven.apache.org/maven2/%s/%s/%s/%s-%s.jar",
                                          path, package->name, package->version, package->name,
                                          package->version);
        }
        break;
      case PYPI:
        distribution = g_strdup_printf ("https://files.pythonhosted.org/packages/%s-%s.tar.gz",
                                        package->name, package->version);
        break;
      case GOLANG:
      default:
        distribution = g_strdup_printf ("https://proxy.golang.org/%s/@v/%s.zip",
                                        package->name, package->version);
        break;
      }
    if (PERCENT (rand, 70))
      write_reference (json, "website", website);
    write_reference (json, "vcs", vcs);
    write_reference (json, "distribution", distribution);
    if (PERCENT (rand, 30))
      {
        g_autofree char *issues = g_strdup_printf ("https://github.com/%s/%s/issues",
                                                   PICK (rand, heads), base);

        write_reference (json, "issue-tracker", issues);
      }
  }
  json_end_array (json);

  /* What syft adds. */
  if (package->ecosystem != MAVEN)
    {
      static const char * const catalogers[] = {
        [NPM] = "javascript-lock-cataloger", [PYPI] = "python-installed-package-cataloger",
        [GOLANG] = "go-module-binary-cataloger",
      };
      static const char * const languages[] = {
        [NPM] = "javascript", [PYPI] = "python", [GOLANG] = "go",
      };

      json_begin_array (json, "properties");
      json_begin_object (json, NULL);
      json_string (json, "name", "syft:package:foundBy");
      json_string (json, "value", catalogers[package->ecosystem]);
      json_end_object (json);
      json_begin_object (json, NULL);
      json_string (json, "name", "syft:package:language");
      json_string (json, "value", languages[package->ecosystem]);
      json_end_object (json);
      json_begin_object (json, NULL);
      json_string (json, "name", "syft:location:0:path");
      json_value (json, "value");
      g_string_append_printf (json->buf, "\"/usr/lib/app/%s/%s\"",
                              package->ecosystem == NPM ? "node_modules" :
                              package->ecosystem == PYPI ? "site-packages" : "bin",
                              base);
      json_end_object (json);
      json_end_array (json);
    }

  json_end_object (json);
}

static void
write_metadata (Json       *json,
                GRand      *rand,
                const char *root_ref)
{
  g_autofree char *hex = NULL;

  json_begin_object (json, "metadata");
  json_string (json, "timestamp", "2026-11-21T09:30:00Z");

  json_begin_array (json, "lifecycles");
  json_begin_object (json, NULL);
  json_string (json, "phase", "build");
  json_end_object (json);
  json_end_array (json);

  json_begin_object (json, "tools");
  json_begin_array (json, "components");
  json_begin_object (json, NULL);
  json_string (json, "type", "application");
  json_string (json, "author", "CycloneDX");
  json_string (json, "group", "org.cyclonedx");
  json_string (json, "name", "cyclonedx-maven-plugin");
  json_string (json, "version", "2.9.0");
  json_begin_array (json, "hashes");
  hex = random_hex (rand, 32);
  write_hash (json, "SHA-256", hex);
  json_end_array (json);
  json_end_object (json);
  json_begin_object (json, NULL);
  json_string (json, "type", "application");
  json_string (json, "author", "anchore");
  json_string (json, "name", "syft");
  json_string (json, "version", "1.14.0");
  json_end_object (json);
  json_end_array (json);
  json_begin_array (json, "services");
  json_end_array (json);
  json_end_object (json);

  json_begin_array (json, "authors");
  json_begin_object (json, NULL);
  json_string (json, "name", "Release Engineering");
  json_string (json, "email", "release@thermo.example");
  json_end_object (json);
  json_begin_object (json, NULL);
  json_string (json, "name", "Zoë Müller-Łęcka");
  json_end_object (json);
  json_end_array (json);

  json_begin_object (json, "component");
  json_string (json, "bom-ref", root_ref);
  json_string (json, "type", "firmware");
  json_begin_object (json, "supplier");
  json_string (json, "name", "Thermo Example GmbH");
  json_end_object (json);
  json_string (json, "group", "com.thermo-example");
  json_string (json, "name", "smart-thermostat-firmware");
  json_string (json, "version", "2.4.1");
  json_string (json, "description", "Firmware of the ST-200 smart thermostat");
  json_begin_array (json, "licenses");
  json_begin_object (json, NULL);
  json_begin_object (json, "license");
  json_string (json, "name", "Proprietary");
  json_end_object (json);
  json_end_object (json);
  json_end_array (json);
  json_string (json, "purl", "pkg:maven/com.thermo-example/smart-thermostat-firmware@2.4.1?type=pom");
  json_end_object (json);

  json_begin_object (json, "manufacture");
  json_string (json, "name", "Thermo Example GmbH");
  json_begin_array (json, "url");
  json_string (json, NULL, "https://thermo.example");
  json_end_array (json);
  json_end_object (json);

  json_begin_array (json, "properties");
  json_begin_object (json, NULL);
  json_string (json, "name", "maven.goal");
  json_string (json, "value", "makeAggregateBom");
  json_end_object (json);
  json_end_array (json);
  json_end_object (json);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) purls = NULL;
  g_autoptr(GPtrArray) refs = NULL;
  g_autofree char *serial = NULL;
  const char *root_ref = "pkg:maven/com.thermo-example/smart-thermostat-firmware@2.4.1?type=pom";
  gint n_components = 10000;
  gint seed = 7;
  guint64 n_edges = 0;
  GRand *rand;
  Json json = { 0 };
  const GOptionEntry entries[] = {
    { "components", 0, 0, G_OPTION_ARG_INT, &n_components, "Components (10000)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the generator (7)", "S" },
    G_OPTION_ENTRY_NULL
  };

  setlocale (LC_ALL, "");
  options = g_option_context_new ("OUT.json — a CycloneDX 1.5 JSON SBOM of N components");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("make-cyclonedx: %s\n", error->message);
      return 2;
    }
  if (argc != 2 || n_components < 0)
    {
      g_printerr ("Usage: make-cyclonedx [--components N] [--seed S] OUT.json\n");
      return 2;
    }

  json.path = argv[1];
  json.out = g_fopen (json.path, "wb");
  if (json.out == NULL)
    {
      int saved = errno;

      g_printerr ("make-cyclonedx: %s: %s\n", json.path, g_strerror (saved));
      return 1;
    }
  json.buf = g_string_sized_new (128 * 1024);
  json.first[0] = TRUE;

  rand = g_rand_new_with_seed ((guint32) seed);
  purls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  refs = g_ptr_array_new_full (n_components, g_free);
  serial = random_uuid (rand);

  json_begin_object (&json, NULL);
  json_string (&json, "$schema", "http://cyclonedx.org/schema/bom-1.5.schema.json");
  json_string (&json, "bomFormat", "CycloneDX");
  json_string (&json, "specVersion", "1.5");
  {
    g_autofree char *urn = g_strdup_printf ("urn:uuid:%s", serial);

    json_string (&json, "serialNumber", urn);
  }
  json_int (&json, "version", 1);
  write_metadata (&json, rand, root_ref);

  json_begin_array (&json, "components");
  for (gint i = 0; i < n_components; i++)
    {
      Package package;
      char *ref;

      /* Unique purls: a name drawn twice gets a number. */
      for (guint attempt = 0;; attempt++)
        {
          random_package (rand, attempt / 4, &package);
          if (!g_hash_table_contains (purls, package.purl))
            break;
          package_clear (&package);
        }
      g_hash_table_add (purls, g_strdup (package.purl));

      /* cyclonedx-maven uses the purl as the bom-ref, syft the purl with a
       * package id. */
      if (package.ecosystem == MAVEN)
        ref = g_strdup (package.purl);
      else
        {
          g_autofree char *id = random_hex (rand, 8);

          ref = g_strdup_printf ("%s?package-id=%s", package.purl, id);
        }
      g_ptr_array_add (refs, ref);

      write_component (&json, rand, &package, ref);
      package_clear (&package);
      if (!json_flush (&json, FALSE, &error))
        goto failed;
    }
  json_end_array (&json);

  /* Every component has an entry; each depends on up to five later ones,
   * most on fewer. */
  json_begin_array (&json, "dependencies");
  json_begin_object (&json, NULL);
  json_string (&json, "ref", root_ref);
  json_begin_array (&json, "dependsOn");
  for (gint i = 0; i < MIN (n_components, 25); i++)
    {
      json_string (&json, NULL, g_ptr_array_index (refs, i));
      n_edges++;
    }
  json_end_array (&json);
  json_end_object (&json);
  for (gint i = 0; i < n_components; i++)
    {
      static const guint weights[] = { 0, 0, 1, 1, 1, 2, 2, 3, 4, 5 };
      guint wanted = PICK (rand, weights);
      gint targets[5];
      guint n_targets = 0;

      wanted = MIN (wanted, (guint) (n_components - 1 - i));
      while (n_targets < wanted)
        {
          gint target = g_rand_int_range (rand, i + 1, n_components);
          gboolean seen = FALSE;

          for (guint k = 0; k < n_targets; k++)
            seen = seen || targets[k] == target;
          if (!seen)
            targets[n_targets++] = target;
        }

      json_begin_object (&json, NULL);
      json_string (&json, "ref", g_ptr_array_index (refs, i));
      json_begin_array (&json, "dependsOn");
      for (guint k = 0; k < n_targets; k++)
        json_string (&json, NULL, g_ptr_array_index (refs, targets[k]));
      json_end_array (&json);
      json_end_object (&json);
      n_edges += n_targets;
      if (!json_flush (&json, FALSE, &error))
        goto failed;
    }
  json_end_array (&json);
  json_end_object (&json);
  g_string_append_c (json.buf, '\n');

  if (!json_flush (&json, TRUE, &error))
    goto failed;
  if (fclose (json.out) != 0)
    {
      int saved = errno;

      json.out = NULL;
      g_set_error (&error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "%s: %s", json.path, g_strerror (saved));
      goto failed;
    }

  g_rand_free (rand);
  g_string_free (json.buf, TRUE);
  g_print ("%d components, %" G_GUINT64_FORMAT " dependencies\n", n_components, n_edges);
  return 0;

failed:
  g_printerr ("make-cyclonedx: %s\n", error->message);
  if (json.out != NULL)
    fclose (json.out);
  g_remove (json.path);
  g_rand_free (rand);
  g_string_free (json.buf, TRUE);
  return 1;
}
