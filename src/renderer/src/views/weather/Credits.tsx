import { ErrorNotice } from '../../components/ErrorNotice'
import { useApiMutation } from '../../data/api-query'
import styles from './Credits.module.css'

/** Links leave the app through the shell (the OS browser), never inside the window. */
function useExternalLinks() {
  const { mutate, error } = useApiMutation('shell:open-external')
  const open = (url: string) => (e: React.MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault()
    mutate({ url })
  }
  const failure = error && (
    <>
      {' '}
      <ErrorNotice compact error={error} what="The link could not be opened" />
    </>
  )
  return { open, failure }
}

/** Open-Meteo's licence asks for this credit wherever its data is shown. */
export function OpenMeteoCredit() {
  const { open, failure } = useExternalLinks()
  return (
    <p className={styles.credit}>
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
      ){failure}
    </p>
  )
}

export function GeoNamesCredit() {
  const { open, failure } = useExternalLinks()
  return (
    <p className={styles.credit}>
      Place search by Open-Meteo using{' '}
      <a href="https://www.geonames.org/" onClick={open('https://www.geonames.org/')}>
        GeoNames
      </a>{' '}
      (CC BY 4.0){failure}
    </p>
  )
}
