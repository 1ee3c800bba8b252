// Security Testing Orchestration scanner steps. They share one spec shape (mode, target,
// advanced, ingestion …); the spec is left open because each scanner adds its own keys.
import { anyValue, bool, obj, oneOfValues, str } from '../build';
import type { Definitions } from '../types';
import { containerResources } from '../common';
import { imagePullPolicy, step } from './node';

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

for (const [type, what] of Object.entries(scanners)) {
  step(
    securityStepDefinitions,
    type,
    what,
    {
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
    },
    { sharedSpec: 'ScannerSpec' },
  );
}
