// Security Testing Orchestration scanner steps. They share one spec shape (mode, target,
// advanced, ingestion …); the spec is left open because each scanner adds its own keys.
import { anyValue, bool, obj, oneOfValues, shared, str } from '../build';
import type { Definitions, JsonSchema } from '../types';
import { containerResources } from '../common';
import { imagePullPolicy, step, stepFamily } from './node';

export const securityStepDefinitions: Definitions = {};

const scanners: Record<string, string> = {
  Security: 'Runs a security scan configured by free-form settings (generic STO step).',
  Owasp: 'Scans dependencies for known vulnerabilities with OWASP Dependency-Check.',
  Snyk: 'Runs a Snyk scan or ingests its results.',
  Sonarqube: 'Runs a SonarQube scan or ingests its results.',
  AquaTrivy: 'Scans container images with Aqua Trivy.',
  Grype: 'Scans container images and file systems with Grype.',
  Semgrep: 'Runs Semgrep static analysis.',
  Gitleaks: 'Looks for committed secrets with Gitleaks.',
  Checkmarx: 'Runs a Checkmarx scan or ingests its results.',
  CheckmarxOne: 'Runs a Checkmarx One scan or ingests its results.',
  Coverity: 'Runs a Coverity static analysis scan or ingests its results.',
  Nmap: 'Scans the ports and services of a running host with Nmap.',
  Zap: 'Runs an OWASP ZAP dynamic scan against a running application.',
  BlackDuck: 'Runs a Black Duck scan or ingests its results.',
  Bandit: 'Runs Bandit static analysis on Python code.',
  Wiz: 'Runs a Wiz scan or ingests its results.',
  Prowler: 'Runs Prowler checks against cloud accounts.',
  Checkov: 'Scans infrastructure-as-code files with Checkov.',
};

/** The scanner spec every STO scanner step shares (stored once as ScannerSpec). */
const scannerFields = (): Record<string, JsonSchema> => ({
  mode: oneOfValues('orchestration (run the scanner), ingestion (read a results file) or extraction.', [
    'orchestration',
    'ingestion',
    'extraction',
  ]),
  config: str('Scanner configuration preset, usually default.'),
  target: obj('What is scanned and how the results are labelled.', {
    type: oneOfValues('Target kind.', ['repository', 'container', 'instance', 'configuration']),
    name: str('Target name shown in the security dashboards.'),
    variant: str('Variant of the target, e.g. a branch or tag.'),
    workspace: str('Path of the code to scan.'),
    detection: oneOfValues('Detect name and variant automatically or take them from here.', [
      'auto',
      'manual',
    ]),
  }),
  advanced: obj('Logging and failure thresholds.', {
    log: anyValue('Log level and serializer.'),
    fail_on_severity: oneOfValues('Fail the step at or above this severity.', [
      'critical',
      'high',
      'medium',
      'low',
      'info',
      'none',
    ]),
    include_raw: bool('Keep the raw scanner output.'),
    args: anyValue('Extra scanner arguments (cli, passthrough).'),
  }),
  ingestion: obj('Results file to ingest (ingestion mode).', { file: str('Path of the results file.') }),
  image: anyValue('Image to scan: type, name, tag, domain, access credentials.'),
  instance: anyValue('Running application to scan: domain, protocol, port, path.'),
  auth: anyValue('Credentials of the scanner service: domain, access_token, ssl.'),
  tool: anyValue('Scanner-specific options (project name, include paths …).'),
  settings: anyValue('Free-form scanner settings (generic Security step).'),
  sbom: anyValue('SBOM generation settings.'),
  privileged: bool('Run the scanner container in privileged mode.'),
  imagePullPolicy: imagePullPolicy(),
  resources: containerResources(),
  runAsUser: { type: ['integer', 'string'], description: 'User ID of the scanner container.' },
});

for (const [type, what] of Object.entries(scanners))
  step(securityStepDefinitions, type, what, scannerFields(), { sharedSpec: 'ScannerSpec' });

/**
 * The other STO scanners and ingestion steps (Harness STO scanner reference), one definition
 * for all of them with the same shared spec.
 */
const moreScanners: Record<string, string> = {
  Anchore: 'Anchore Enterprise container scan',
  AquaSecurity: 'Aqua Security container scan',
  AWSECR: 'Amazon ECR image scan results',
  AWSSecurityHub: 'AWS Security Hub findings',
  Brakeman: 'Brakeman Ruby on Rails analysis',
  Burp: 'Burp Suite dynamic scan',
  Clair: 'Clair container scan',
  CodeQL: 'GitHub CodeQL results',
  CortexCloud: 'Cortex Cloud scan',
  CustomIngest: 'ingestion of results from any scanner (SARIF or Harness JSON)',
  DataTheorem: 'Data Theorem scan',
  DockerContentTrust: 'Docker Content Trust check',
  FortifyOnDemand: 'Fortify on Demand scan',
  Fossa: 'FOSSA dependency scan',
  GitHubAdvancedSecurity: 'GitHub Advanced Security results',
  HarnessSAST: 'Harness static analysis',
  HarnessSCA: 'Harness software composition analysis',
  JfrogXray: 'JFrog Xray scan',
  Mend: 'Mend (WhiteSource) scan',
  Metasploit: 'Metasploit dynamic scan',
  ModelScan: 'scan of machine-learning model files',
  Nessus: 'Nessus instance scan',
  NexusIQ: 'Sonatype Nexus IQ scan',
  Nikto: 'Nikto web server scan',
  Openvas: 'OpenVAS instance scan',
  OsvScanner: 'OSV-Scanner dependency scan',
  PrismaCloud: 'Prisma Cloud container scan',
  Qualys: 'Qualys web application scan',
  Reapsaw: 'Reapsaw scan',
  ShiftLeft: 'ShiftLeft (Qwiet) scan',
  Sniper: 'Sn1per reconnaissance scan',
  Sysdig: 'Sysdig container scan',
  Tenable: 'Tenable scan',
  Traceable: 'Traceable API security scan',
  Veracode: 'Veracode scan',
};

stepFamily(
  securityStepDefinitions,
  'OtherScanners',
  moreScanners,
  'Runs a security scanner, or ingests its results, through Security Testing Orchestration.',
  {},
  { specSchema: shared('ScannerSpec', () => obj('Settings of this step.', scannerFields())) },
);
