import { condition, type ConditionIcon } from '@shared/weather/wmo'
import styles from './WeatherIcon.module.css'

/** Condition pictures drawn in SVG (no emoji font or remote image needed). */
export function WeatherIcon({
  code,
  isDay = true,
  size = 32
}: {
  code: number | null
  isDay?: boolean
  size?: number
}) {
  const c = condition(code)
  return (
    <svg
      className={styles.icon}
      width={size}
      height={size}
      viewBox="0 0 32 32"
      role="img"
      aria-label={c.words}
    >
      <title>{c.words}</title>
      {shapes(c.icon, isDay)}
    </svg>
  )
}

const Sun = ({ x = 16, y = 16, r = 6 }: { x?: number; y?: number; r?: number }) => (
  <g className={styles.sun}>
    <circle cx={x} cy={y} r={r} />
    {Array.from({ length: 8 }, (_, i) => {
      const a = (i * Math.PI) / 4
      return (
        <line
          key={i}
          x1={x + Math.cos(a) * (r + 2.5)}
          y1={y + Math.sin(a) * (r + 2.5)}
          x2={x + Math.cos(a) * (r + 5)}
          y2={y + Math.sin(a) * (r + 5)}
        />
      )
    })}
  </g>
)

const Moon = ({ x = 16, y = 15 }: { x?: number; y?: number }) => (
  <path className={styles.moon} d={`M${x + 3} ${y - 8} a8 8 0 1 0 6 12 a6.5 6.5 0 0 1 -6 -12z`} />
)

const Cloud = ({ dark = false, dy = 0 }: { dark?: boolean; dy?: number }) => (
  <path
    className={dark ? `${styles.cloud} ${styles.dark}` : styles.cloud}
    d={`M9 ${24 + dy} h15 a5 5 0 0 0 0 -10 a7 7 0 0 0 -13 -1 a5.5 5.5 0 0 0 -2 11z`}
  />
)

const Drops = ({ n = 3, snow = false }: { n?: number; snow?: boolean }) => (
  <g className={snow ? styles.snow : styles.rain}>
    {Array.from({ length: n }, (_, i) => {
      const x = 11 + i * 5
      return snow ? (
        <circle key={i} cx={x} cy={28} r={1.4} />
      ) : (
        <line key={i} x1={x} y1={26} x2={x - 1.5} y2={30} />
      )
    })}
  </g>
)

function shapes(icon: ConditionIcon, isDay: boolean) {
  const sky = isDay ? <Sun /> : <Moon />
  const smallSky = isDay ? <Sun x={11} y={11} r={4.5} /> : <Moon x={10} y={11} />
  switch (icon) {
    case 'clear':
      return sky
    case 'partly-cloudy':
      return (
        <>
          {smallSky}
          <Cloud dy={3} />
        </>
      )
    case 'cloudy':
      return <Cloud />
    case 'fog':
      return (
        <g className={styles.fog}>
          {[10, 15, 20, 25].map((y, i) => (
            <line key={y} x1={5 + (i % 2) * 3} y1={y} x2={27 - (i % 2) * 3} y2={y} />
          ))}
        </g>
      )
    case 'drizzle':
      return (
        <>
          <Cloud dy={-3} />
          <Drops n={2} />
        </>
      )
    case 'rain':
    case 'showers':
      return (
        <>
          {icon === 'showers' && smallSky}
          <Cloud dark dy={-3} />
          <Drops />
        </>
      )
    case 'freezing-rain':
      return (
        <>
          <Cloud dark dy={-3} />
          <Drops n={2} />
          <Drops n={1} snow />
        </>
      )
    case 'snow':
    case 'snow-showers':
      return (
        <>
          {icon === 'snow-showers' && smallSky}
          <Cloud dy={-3} />
          <Drops snow />
        </>
      )
    case 'thunder':
      return (
        <>
          <Cloud dark dy={-4} />
          <path className={styles.bolt} d="M17 19 l-4 6 h3 l-2 6 l6 -8 h-3 l2 -4z" />
        </>
      )
    default:
      return (
        <text x="16" y="22" textAnchor="middle" className={styles.unknown}>
          ?
        </text>
      )
  }
}
