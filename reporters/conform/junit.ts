/**
 * JUnit XML through junit-report-builder: one suite per spec area, one test case per case. The document is valid
 * against the Jenkins JUnit schema (junit-4.xsd), the strictest one in common use: a test case has no `file`
 * attribute (the case's file is in the TAP and JSON reports), and the root `testsuites` carries no `skipped` count
 * (each `testsuite` has its own).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Builder } from 'junit-report-builder';
import type { ConformReporter, RunInfo, RunSummary } from './reporter.js';
import { areaOf, reasonLine } from './evidence.js';

export function junitReporter(file: string): ConformReporter {
  let info: RunInfo | undefined;
  return {
    onRunStart(i) {
      info = i;
    },
    async onRunEnd(s: RunSummary) {
      // The package's module.exports is the builder itself; its typings call it the default export.
      const junit = (await import('junit-report-builder')).default as unknown as Builder;
      const builder = junit.newBuilder();
      builder.name(`oci-conform ${info?.runtime.binary ?? ''}`);
      const suites = new Map<string, ReturnType<typeof builder.testSuite>>();
      for (const r of s.results) {
        const area = areaOf(r.id);
        let suite = suites.get(area);
        if (!suite) {
          suite = builder.testSuite().name(area);
          if (info) {
            suite.property('runtime', info.runtime.binary).property('specVersion', info.specVersion).property('level', info.level);
            const h = info.host.profile;
            if (h) {
              suite
                .property('hostProfile', h.name)
                .property('kernel', h.kernel)
                .property('cgroupLayout', h.cgroups.layout)
                .property('cgroupV1Controllers', h.cgroups.v1.join(','))
                .property('cgroupV2Controllers', h.cgroups.v2.join(','))
                .property('cgroupDriver', h.cgroupDriver)
                .property('lsm', h.lsm.active === null ? 'unknown' : h.lsm.active.join(','))
                .property('apparmor', String(h.lsm.apparmor))
                .property('selinux', String(h.lsm.selinux || false))
                .property('rootless', String(h.user.rootless));
            }
          }
          suites.set(area, suite);
        }
        const tc = suite.testCase().className(area).name(r.id).time(Math.round(r.durationMs) / 1000);
        const o = r.outcome;
        if (o.status === 'skip') tc.skipped().standardOutput(o.reason);
        else if (o.status === 'fail') tc.failure(reasonLine(r), 'violation').standardError(JSON.stringify({ configs: r.configs, calls: r.calls }, null, 2));
        else if (o.status === 'error') tc.error(o.message, o.timedOut ? 'timeout' : 'harness');
        else if (o.status === 'warn') tc.standardOutput(`warning: ${reasonLine(r)}`);
      }
      if (s.stopped) {
        // A run that stopped early is one error, so a CI step reading the file sees why.
        builder.testSuite().name('oci-conform').testCase().className('oci-conform').name('run').error(s.stopped.message, s.stopped.code);
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, withoutRootSkipped(builder.build()));
    },
  };
}

/** The builder's XML without the `skipped` attribute of its root `testsuites` element, which junit-4.xsd does not allow. */
export function withoutRootSkipped(xml: string): string {
  return xml.replace(/<testsuites\b[^>]*>/, (tag) => tag.replace(/ skipped="\d+"/, ''));
}
