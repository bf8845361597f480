// Headless Firefox for browser tests: Debian's `firefox-esr` package
// (installed by .ci/run) driven by puppeteer-core over WebDriver BiDi.
// Playwright drives only its own patched Firefox, which cannot be downloaded
// on these machines; puppeteer-core drives the stock one.
//
// Firefox matters because its engine, SpiderMonkey, has no V8 stack API:
// error positions and tracebacks there come from the `stack` string
// fallback (src/runtime/jsframes.ts).
import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Why Firefox tests cannot run here, or false when they can. */
export function firefoxSkip(): string | false {
  return existsSync(FIREFOX_PATH) ? false : `${FIREFOX_PATH} is not installed (apt-get install firefox-esr); the Firefox tests need it`;
}

/**
 * Firefox, headless. The preferences keep it from reaching the network on
 * its own (this machine's network is closed).
 */
export function launchFirefox(): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: {
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
  });
}
