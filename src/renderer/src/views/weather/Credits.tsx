import { call } from '../../lib/api'

const open = (url: string) => (e: React.MouseEvent<HTMLAnchorElement>) => {
  // Links leave the app through the shell (the OS browser), never inside the window.
  e.preventDefault()
  void call('shell:open-external', { url }).catch(() => undefined)
}

/** Open-Meteo's licence asks for this credit wherever its data is shown. */
export function OpenMeteoCredit() {
  return (
    <p className="wx-credit">
      <a href="https://open-meteo.com/" onClick={open('https://open-meteo.com/')}>
        Weather data by Open-Meteo.com
      </a>{' '}
      (
      <a
        href="https://creativecommons.org/licenses/by/4.0/"
        onClick={open('https://creativecommons.org/licenses/by/4.0/')}
      >
        CC BY 4.0
      </a>
      )
    </p>
  )
}

export function GeoNamesCredit() {
  return (
    <p className="wx-credit">
      Place search by Open-Meteo using{' '}
      <a href="https://www.geonames.org/" onClick={open('https://www.geonames.org/')}>
        GeoNames
      </a>{' '}
      (CC BY 4.0)
    </p>
  )
}
