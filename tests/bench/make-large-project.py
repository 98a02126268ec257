#!/usr/bin/env python3
"""A deterministic large Conformity project, made through conformity-cli.

For build-aux/bench (docs/PERFORMANCE.md). Everything is recorded the way a
user or a build pipeline would record it: by running conformity-cli, one
command per change. The project holds:

* one large product (id 1), with every field a command records filled in:
  the manufacturer, the product's dates, the scope check, the category and
  the standards' coverage, the context of the risk assessment, THREATS
  threats (60), all 22 essential requirements assessed with several
  paragraphs of measures, EVIDENCE items of evidence (300: text files of 1 to
  20 KiB, certificates, PNG screenshots), the information for users, the
  declaration details, a CycloneDX SBOM of COMPONENTS components (10,000,
  written by make-cyclonedx) imported, and the declaration and the user
  information generated, as the technical documentation cites them;
* PRODUCTS - 1 more products (999), each with its own name, model, version
  and dates, as a manufacturer with a large range has them.

The texts and files come from a generator seeded with SEED, so every run
writes the same content (only the timestamps differ).

Usage: make-large-project.py --cli CLI --make-cyclonedx PROGRAM [--products N]
           [--threats N] [--evidence N] [--components N] [--seed N] DIR
DIR must not exist. Writes DIR/project.db, the files attached under
DIR/inputs/, DIR/products.txt (`product list` of the project: what GNOME Text
Editor opens beside the window) and DIR/project.json (what was made, with the
seconds each stage took). Exits with 1 when a command fails, naming it.
"""
import argparse
import base64
import json
import os
import random
import struct
import subprocess
import sys
import time
import zlib

COMPONENTS = [
    "boot loader", "update agent", "web management interface", "REST API", "SSH service",
    "LTE modem firmware", "packet filter", "IPsec VPN service", "configuration store",
    "key store in the secure element", "DHCP and DNS services", "syslog forwarder",
    "cloud management agent", "factory provisioning tool", "Wi-Fi access point", "serial console",
    "SNMP agent", "hardware watchdog", "container runtime", "Modbus/TCP gateway",
    "OPC UA client", "certificate enrolment client", "time synchronisation service",
]
ACTIONS = [
    "accepts only images signed with the release key held in the hardware security module",
    "runs as an unprivileged user in its own mount and network namespace",
    "rejects connections that do not present a client certificate issued by the device CA",
    "limits failed logins to five a minute per source address and then locks the account for "
    "fifteen minutes",
    "encrypts its data at rest with AES-256-GCM under a key that never leaves the secure element",
    "is disabled in the factory configuration and can only be enabled from the local console",
    "logs every change of configuration with the user, the source address and a monotonic counter",
    "validates every field of an incoming request against a schema before it reaches the business "
    "logic",
    "drops traffic from the WAN side by default, forwarding only the ports the administrator opens",
    "restarts within ten seconds when it stops responding and reports the event in the security log",
    "negotiates TLS 1.3 only, with forward-secret cipher suites and a pinned certificate for the "
    "cloud endpoint",
    "keeps two firmware slots and falls back to the previous image when the new one fails its "
    "health check",
    "erases keys, credentials and logs when a factory reset is confirmed on the device",
    "stores passwords as Argon2id hashes with a salt unique to each device",
    "exposes no service on the WAN interface until the initial credentials have been changed",
    "checks the signature and the version counter of every configuration bundle it imports",
    "rate-limits management requests so that one client cannot starve the routing of traffic",
    "separates the management VLAN from the user VLANs in the switch configuration",
    "is built with stack protection, FORTIFY_SOURCE, full RELRO and position-independent code",
]
RATIONALES = [
    "so that a compromised web session cannot reach the rest of the system",
    "which confines a vulnerability in one parser to one process",
    "as the threat model requires for attackers on the mobile network",
    "because the router typically sits unattended at the edge of an industrial network",
    "so that an attacker on the local network gains nothing from a captured frame",
    "in line with the hardening guide of the platform vendor",
    "which keeps the attack surface of a unit in the field as small as its function allows",
    "since installers often leave the device in its default configuration for years",
]
TEAMS = [
    "The product security team", "The platform team", "An external laboratory",
    "The release manager", "The PSIRT", "Quality assurance", "The firmware architect",
]
ARTEFACTS = [
    "every change to the network-facing code", "the third-party components listed in the SBOM",
    "the firewall rule set shipped by default", "the results of the nightly fuzzing jobs",
    "the hardening checklist of the Linux image", "the signing ceremony records",
]
FREQUENCIES = [
    "before every release", "every quarter", "once a month", "at each sprint review",
    "twice a year", "whenever a dependency is updated",
]
VERIFICATIONS = [
    "an automated test in the release pipeline", "the yearly penetration test",
    "a code review against the secure coding checklist", "fuzzing of the parser for 72 hours",
    "a configuration audit of a production unit", "a regression suite run on three hardware revisions",
    "an independent review by the notified body",
]
CONDITIONS = [
    "the LTE link is lost", "the time cannot be synchronised", "the secure element does not answer",
    "an update is interrupted by a power failure", "the configuration fails its integrity check",
    "the cloud management service cannot be reached",
]
FALLBACKS = [
    "keeps the last known good configuration and raises an alarm",
    "refuses to start the affected service and reports it in the web interface",
    "boots the previous firmware slot", "goes on routing with the local rule set",
    "queues its events and sends them once the link is back",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
STANDARDS = [
    "IEC 62443-4-2:2019 CR 1.1", "IEC 62443-4-2:2019 CR 3.4", "IEC 62443-4-1:2018 SM-8",
    "IEC 62443-4-1:2018 SVV-3", "EN 18031-1:2024 ACM-1", "EN 18031-1:2024 SUM-2",
    "ETSI EN 303 645 5.3", "ETSI EN 303 645 5.6", "ISO/IEC 29147:2018", "ISO/IEC 30111:2019",
]
ATTACKS = [
    ("Brute-force login", "spoofing"), ("Spoofed update server", "spoofing"),
    ("Stolen administrator session", "spoofing"), ("Command injection", "tampering"),
    ("Downgrade to a vulnerable firmware", "tampering"),
    ("Tampering with the configuration", "tampering"), ("Deleted or rewritten logs", "repudiation"),
    ("Unattributed configuration change", "repudiation"),
    ("Credentials read from a backup", "information-disclosure"),
    ("Traffic captured on the LTE link", "information-disclosure"),
    ("Keys extracted through a side channel", "information-disclosure"),
    ("Flooding of the management plane", "denial-of-service"),
    ("Exhausted connection tracking table", "denial-of-service"),
    ("Bricked unit after a failed update", "denial-of-service"),
    ("Escape from a customer container", "elevation-of-privilege"),
    ("Root shell through a debug interface", "elevation-of-privilege"),
]
POSITIONS = [
    "on the public LTE network", "on the local Ethernet segment", "with a valid operator account",
    "with physical access to the cabinet", "who controls a customer container", "in the supply chain",
]
CONSEQUENCES = [
    "could take over the router and pivot into the plant network",
    "could stop the traffic of the site for hours",
    "could read process data and credentials of the connected machines",
    "could change firewall rules without anyone noticing",
    "could make the fleet install software the manufacturer did not release",
]
ACCEPT_REASONS = [
    "The remaining risk needs physical access to a locked cabinet and defeats no other unit.",
    "The operator's own network monitoring detects the attack; customers are told so in the "
    "security guide.",
    "No cost-effective hardware countermeasure exists for this revision; revision D adds one.",
]
# Kinds of evidence, with their share out of 100, as a product of this size has them.
EVIDENCE_KINDS = [
    ("test-report", 30, "Test report", "md"), ("design-document", 12, "Design document", "md"),
    ("policy", 8, "Policy", "md"), ("penetration-test", 5, "Penetration test", "md"),
    ("sbom", 6, "SBOM", "cdx.json"), ("certificate", 10, "Certificate", "pem"),
    ("screenshot", 4, "Screenshot", "png"), ("other", 25, "Record", "txt"),
]
# The other products: a manufacturer's range.
FAMILIES = [
    "Edge Router", "Industrial Switch", "Smart Thermostat", "Door Controller", "IP Camera",
    "Gateway", "PLC", "Sensor Hub", "Charging Station", "Access Point", "Firewall Appliance",
    "Baby Monitor", "Smart Lock", "Heat Pump Controller", "Energy Meter", "Remote I/O",
]
SERIES = ["Pro", "Lite", "Max", "Compact", "Outdoor", "Rail", "Rack", "Mini", "", "", ""]
MEMBER_STATES = ["DE", "FR", "IT", "ES", "PL", "NL", "BE", "AT", "SE", "DK", "FI", "CZ", "PT", "IE"]


class Generator:
    """Seeded text, so that every run writes the same project."""

    def __init__(self, seed):
        self.rng = random.Random(seed)

    def pick(self, items):
        return self.rng.choice(items)

    def sentence(self):
        component = self.pick(COMPONENTS)
        form = self.rng.randrange(6)
        if form == 0:
            return f"The {component} {self.pick(ACTIONS)}, {self.pick(RATIONALES)}."
        if form == 1:
            return (f"{self.pick(TEAMS)} reviews {self.pick(ARTEFACTS)} {self.pick(FREQUENCIES)}; "
                    f"findings rated high or higher block the release.")
        if form == 2:
            return (f"Since firmware {self.rng.randrange(1, 5)}.{self.rng.randrange(12)}, "
                    f"the {component} {self.pick(ACTIONS)}.")
        if form == 3:
            return (f"This is verified by {self.pick(VERIFICATIONS)}, last run in "
                    f"{self.pick(MONTHS)} {self.rng.randrange(2025, 2028)}, with no open finding.")
        if form == 4:
            return f"Where {self.pick(CONDITIONS)}, the {component} {self.pick(FALLBACKS)}."
        return (f"For the {component}, {self.pick(TEAMS)} documents the design decisions in the "
                f"architecture record, and checks them {self.pick(FREQUENCIES)}.")

    def paragraph(self, low=3, high=5):
        return " ".join(self.sentence() for _ in range(self.rng.randint(low, high)))

    def paragraphs(self, low, high):
        return "\n\n".join(self.paragraph() for _ in range(self.rng.randint(low, high)))

    def text_file(self, title, size):
        out = [f"# {title}\n"]
        length = len(out[0])
        while length < size:
            block = self.paragraph(3, 6) + "\n\n"
            out.append(block)
            length += len(block)
        return "".join(out).encode()

    def certificate(self, size):
        lines = ["-----BEGIN CERTIFICATE-----"]
        while sum(len(line) + 1 for line in lines) < size:
            raw = bytes(self.rng.getrandbits(8) for _ in range(48))
            lines.append(base64.b64encode(raw).decode())
        lines.append("-----END CERTIFICATE-----")
        return ("\n".join(lines) + "\n").encode()

    def small_sbom(self, size):
        entries = []
        length = 0
        while length < size:
            entry = (f'    {{ "type": "library", "name": "lib{self.pick(MONTHS).lower()}-{len(entries)}", '
                     f'"version": "{self.rng.randrange(5)}.{self.rng.randrange(20)}.'
                     f'{self.rng.randrange(40)}" }}')
            entries.append(entry)
            length += len(entry) + 2
        return ('{\n  "bomFormat": "CycloneDX",\n  "specVersion": "1.5",\n  "components": [\n'
                + ",\n".join(entries) + "\n  ]\n}\n").encode()

    def png(self):
        """A made-up management page: a title bar, a side bar and lines of 'text'."""
        width = self.rng.randrange(480, 900)
        height = width * 5 // 8
        rows = []
        text_rows = {y: self.rng.randrange(200, width - 20) for y in range(70, height - 20, 24)}
        for y in range(height):
            if y < 40:
                row = b"\x26\x4d\x80" * width
            else:
                row = bytearray(b"\xe6\xeb\xf2" * 160 + b"\xf7\xf7\xf7" * (width - 160))
                for top, end in text_rows.items():
                    if top <= y < top + 9:
                        row[176 * 3:end * 3] = b"\x33\x33\x33" * (end - 176)
                        row[12 * 3:140 * 3] = b"\x33\x33\x33" * 128
                row = bytes(row)
            rows.append(b"\x00" + row)

        def chunk(kind, data):
            return (struct.pack(">I", len(data)) + kind + data
                    + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))

        return (b"\x89PNG\r\n\x1a\n"
                + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))


class Cli:
    """conformity-cli on the project, one command per change."""

    def __init__(self, program, db):
        self.program = program
        self.db = db
        self.calls = 0

    def __call__(self, *args):
        command = [self.program, "--db", self.db, "--actor", "bench", *args]
        self.calls += 1
        result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, check=False)
        if result.returncode != 0:
            sys.exit(f"make-large-project: conformity-cli {' '.join(args[:3])} … failed "
                     f"(exit status {result.returncode}): {result.stderr.strip()}")
        return result.stdout.strip()


def make_large_product(gen, cli, inputs, args, timings):
    """Product 1, with everything filled in. Returns what was made."""
    started = time.monotonic()
    cli("manufacturer", "set", "--name", "Northwind Industrial Networks GmbH",
        "--address", "Am Hafen 12\n20457 Hamburg\nGermany", "--email", "psirt@northwind.example",
        "--website", "https://northwind.example", "--main-establishment", "DE",
        "--csirt", "CERT-Bund (BSI)")
    product = cli(
        "product", "add", "--name", "Northwind Edge Router", "--model", "NR-7 LTE", "--version", "4.2.0",
        "--identification", "Firmware 4.2.x on hardware revisions B and C; serial numbers NR7-B-000001 "
        "to NR7-C-250000 on the type plate and in the web interface (System › About).",
        "--description", "An industrial LTE and Ethernet router for remote sites: a stateful firewall, "
        "IPsec and WireGuard VPNs, a Modbus/TCP and OPC UA gateway, a container runtime for customer "
        "applications, local web and SSH management, and a cloud management agent.",
        "--placed-on-market", "2027-03-01", "--support-end", "2037-02-28",
        "--support-rationale", "Industrial routers stay in service for ten to fifteen years; "
        "maintenance contracts run for ten years from delivery.",
        "--member-states", "DE,FR,IT,NL,PL,AT")
    if product != "1":
        sys.exit(f"make-large-project: the first product got id {product}, not 1")

    answers = {"commercial": "yes", "data-connection": "yes"}
    for question in ["medical-device", "motor-vehicle", "delegated-exclusion", "civil-aviation",
                     "marine-equipment", "national-security", "spare-part", "foss-not-monetised",
                     "pure-saas"]:
        answers[question] = "no"
    cli("scope", "set", product, *[f"--answer={q}={a}" for q, a in answers.items()])
    cli("classify", "set", product, "--item", "AnnexIII.ClassI.12",
        "--description", "Industrial LTE router with firewall, VPN and fieldbus gateway",
        "--justification", "A router whose core function is routing and filtering traffic.")
    cli("classify", "coverage", product, "--all-applied", "EN 18031-1:2024")
    cli("assess", "context", product,
        "--intended-purpose", "Connects machines, controllers and sensors at remote industrial sites "
        "to the operator's network over LTE or Ethernet, and filters and encrypts their traffic.",
        "--foreseeable-use", "Installed by electricians rather than network engineers; left with the "
        "default firewall rules; reachable from the internet through a public LTE address.",
        "--operational-environment", "Cabinets in substations, water works and factories, at −40 to "
        "+70 °C, often without physical access control; public LTE networks and private APNs.",
        "--assumptions", "The operator's central VPN concentrator and certificate authority are "
        "maintained; administrators keep their credentials to themselves.")
    timings["records"] = time.monotonic() - started

    started = time.monotonic()
    for i in range(args.threats):
        attack, stride = ATTACKS[i % len(ATTACKS)]
        likelihood, impact = gen.rng.randrange(2, 6), gen.rng.randrange(2, 6)
        residual_likelihood = max(1, likelihood - gen.rng.randrange(1, 4))
        residual_impact = max(1, impact - gen.rng.randrange(2))
        description = (f"An attacker {gen.pick(POSITIONS)} {gen.pick(CONSEQUENCES)}. "
                       + gen.sentence())
        if gen.rng.randrange(3) == 0:
            description += "\n\n" + gen.paragraph(2, 3)
        options = ["--asset", gen.pick(COMPONENTS), "--title", f"{attack} against the {gen.pick(COMPONENTS)}",
                   "--stride", stride, "--likelihood", str(likelihood), "--impact", str(impact),
                   "--description", description, "--mitigations", gen.paragraph(2, 4),
                   "--residual-likelihood", str(residual_likelihood),
                   "--residual-impact", str(residual_impact)]
        # High and critical residual risks are accepted with a reason, as the
        # readiness gate asks; the rest mitigated, a few transferred.
        if residual_likelihood * residual_impact >= 10:
            options += ["--treatment", "accept", "--reason", gen.pick(ACCEPT_REASONS),
                        "--accepted-by", "Dr. Jana Petersen, Chief Technology Officer"]
        else:
            options += ["--treatment", "transfer" if i % 9 == 4 else "mitigate",
                        "--reason", gen.sentence()]
        cli("threat", "add", product, *options)
    timings["threats"] = time.monotonic() - started

    started = time.monotonic()
    requirements = [r["id"] for r in json.loads(cli("assess", "show", product, "--json"))["requirements"]]
    for i, requirement in enumerate(requirements):
        options = ["--applicable", "yes", "--status", "verified" if i % 3 == 0 else "implemented",
                   "--measures", gen.paragraphs(3, 4), "--justification", gen.paragraph(2, 3)]
        for r in range(gen.rng.randint(1, 3)):
            options += ["--standard", STANDARDS[(i + r * 3) % len(STANDARDS)]]
        threats = sorted({(i * 7 + t * 13) % args.threats + 1 for t in range(gen.rng.randint(1, 4))})
        for threat in threats:
            options += ["--threat", str(threat)]
        cli("assess", "set", product, requirement, *options)
    timings["requirements"] = time.monotonic() - started

    started = time.monotonic()
    evidence_bytes = 0
    for i in range(args.evidence):
        roll = gen.rng.randrange(100)
        k = 0
        while k < len(EVIDENCE_KINDS) - 1 and roll >= EVIDENCE_KINDS[k][1]:
            roll -= EVIDENCE_KINDS[k][1]
            k += 1
        kind, _, label, extension = EVIDENCE_KINDS[k]
        title = f"{label} {i + 1}: {gen.pick(VERIFICATIONS)} of the {gen.pick(COMPONENTS)}"
        size = gen.rng.randrange(1024, 20 * 1024)
        if kind == "screenshot":
            content = gen.png()
        elif kind == "certificate":
            content = gen.certificate(size)
        elif kind == "sbom":
            content = gen.small_sbom(size)
        else:
            content = gen.text_file(title, size)
        path = os.path.join(inputs, f"nr7-{kind}-{i + 1:03}.{extension}")
        with open(path, "wb") as out:
            out.write(content)
        evidence_bytes += len(content)

        # The first items cover every requirement once, so none lacks evidence.
        linked = [requirements[i]] if i < len(requirements) else []
        for _ in range(gen.rng.randint(1, 4)):
            requirement = gen.pick(requirements)
            if requirement not in linked:
                linked.append(requirement)
        threats = sorted({(i * 5 + t * 17) % args.threats + 1 for t in range(gen.rng.randrange(4))})
        options = ["--kind", kind, "--title", title]
        for requirement in linked:
            options += ["--requirement", requirement]
        for threat in threats:
            options += ["--threat", str(threat)]
        if gen.rng.randrange(10) < 3:
            options += ["--valid-until", f"{gen.rng.randrange(2030, 2036)}-{gen.rng.randrange(1, 13):02}-28"]
        cli("evidence", "add", product, path, *options)
    timings["evidence"] = time.monotonic() - started

    started = time.monotonic()
    cli("user-info", "set", product, "--security-contact", "psirt@northwind.example",
        "--cvd-policy-url", "https://northwind.example/security/cvd",
        "--security-environment", gen.paragraph(), "--known-risks", gen.paragraph(),
        "--declaration-url", "https://northwind.example/nr-7/declaration",
        "--support-type", "Free security updates for the firmware until 28 February 2037.",
        "--secure-use", gen.paragraph(), "--data-security-changes", gen.paragraph(),
        "--update-installation", gen.paragraph(), "--decommissioning", gen.paragraph(),
        "--auto-update-opt-out", "Turn off “Install security updates automatically” under "
        "System › Updates.", "--integration", gen.paragraph(),
        "--sbom-url", "https://northwind.example/nr-7/sbom")
    cli("declaration", "set", product, "--procedure", "module-b+c",
        "--standards", "EN 18031-1:2024; IEC 62443-4-1:2018; IEC 62443-4-2:2019 (security level 2)",
        "--other-legislation", "Directive 2014/53/EU (radio equipment); Directive 2011/65/EU (RoHS)",
        "--notified-body-name", "Example Certification Body", "--notified-body-number", "0123",
        "--certificate", "EU-type examination certificate EX-CRA-2027-0042",
        "--additional-info", "Signed for and on behalf of the manufacturer.",
        "--place-of-issue", "Hamburg", "--signatory-name", "Dr. Jana Petersen",
        "--signatory-function", "Chief Technology Officer")
    timings["declaration"] = time.monotonic() - started

    started = time.monotonic()
    sbom = os.path.join(inputs, "nr7-firmware-4.2.0.cdx.json")
    subprocess.run([args.make_cyclonedx, "--components", str(args.components), "--seed", str(args.seed),
                    sbom], check=True, stdout=subprocess.DEVNULL)
    imported = cli("sbom", "import", product, sbom)
    if imported != str(args.components):
        sys.exit(f"make-large-project: sbom import stored {imported} components, not {args.components}")
    timings["sbom"] = time.monotonic() - started

    # The technical documentation cites the latest user information and
    # declaration (Annex VII, 1(d) and 7): generate them as a project would.
    started = time.monotonic()
    cli("generate", product, "--kind", "user-information")
    cli("generate", product, "--kind", "declaration")
    timings["documents"] = time.monotonic() - started
    return {"product": int(product), "requirements": len(requirements), "threats": args.threats,
            "evidence": args.evidence, "evidence_bytes": evidence_bytes, "components": args.components,
            "sbom": os.path.basename(sbom)}


def make_range(gen, cli, count, timings):
    """The other products, one `product add` each."""
    started = time.monotonic()
    for i in range(count):
        family = gen.pick(FAMILIES)
        series = gen.pick(SERIES)
        name = f"{family} {series}".strip() + f" {chr(65 + i % 26)}{i // 26 + 1}"
        placed = f"{gen.rng.randrange(2026, 2031)}-{gen.rng.randrange(1, 13):02}-01"
        support_years = gen.rng.randrange(3, 11)
        options = ["--name", name, "--model", f"{''.join(w[0] for w in family.split())}-{100 + i}",
                   "--version", f"{gen.rng.randrange(1, 6)}.{gen.rng.randrange(10)}.{gen.rng.randrange(20)}",
                   "--placed-on-market", placed,
                   "--support-end", f"{int(placed[:4]) + support_years}{placed[4:]}",
                   "--member-states", ",".join(sorted(gen.rng.sample(MEMBER_STATES, gen.rng.randint(1, 5))))]
        if support_years < 5:
            options += ["--support-rationale", "Replaced by its successor after three years of sale."]
        if gen.rng.randrange(3) == 0:
            options += ["--description", gen.sentence()]
        cli("product", "add", *options)
    timings["products"] = time.monotonic() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True, help="conformity-cli")
    parser.add_argument("--make-cyclonedx", required=True, help="tests/bench/make-cyclonedx")
    parser.add_argument("--products", type=int, default=1000)
    parser.add_argument("--threats", type=int, default=60)
    parser.add_argument("--evidence", type=int, default=300)
    parser.add_argument("--components", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("dir")
    args = parser.parse_args()
    if args.products < 1 or args.threats < 1 or args.evidence < 0 or args.components < 1:
        parser.error("--products, --threats and --components must be at least 1, --evidence at least 0")
    if os.path.exists(args.dir):
        parser.error(f"{args.dir} exists; give a new folder")

    inputs = os.path.join(args.dir, "inputs")
    os.makedirs(inputs)
    db = os.path.join(args.dir, "project.db")
    cli = Cli(args.cli, db)
    gen = Generator(args.seed)
    timings = {}
    started = time.monotonic()
    made = make_large_product(gen, cli, inputs, args, timings)
    make_range(gen, cli, args.products - 1, timings)
    with open(os.path.join(args.dir, "products.txt"), "w", encoding="utf-8") as out:
        out.write(cli("product", "list") + "\n")
    made.update(products=args.products, seed=args.seed, cli_calls=cli.calls,
                seconds=round(time.monotonic() - started, 2),
                stage_seconds={k: round(v, 2) for k, v in timings.items()})
    with open(os.path.join(args.dir, "project.json"), "w", encoding="utf-8") as out:
        json.dump(made, out, indent=2)
        out.write("\n")
    print(json.dumps(made))


if __name__ == "__main__":
    main()
