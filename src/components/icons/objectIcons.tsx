// Icons for the things headings name: lock, key, shield, settings, request, token, API call, and the consoles' parts.
import { Icon, type IconProps } from './Icon';

/** A closed padlock (🔐): the flow's title, secrets. */
export function IconLock(props: IconProps) {
  return (
    <Icon name="lock" {...props}>
      <rect x="5" y="11" width="14" height="9.5" rx="2" />
      <path d="M8 11V8a4 4 0 0 1 8 0v3" />
    </Icon>
  );
}

/** A key (🗝️): signing keys. */
export function IconKey(props: IconProps) {
  return (
    <Icon name="key" {...props}>
      <circle cx="8" cy="15.5" r="4" />
      <path d="M10.9 12.6L20 3.5M16.5 7l2.5 2.5M14 9.5l2 2" />
    </Icon>
  );
}

/** A shield (🛡️): least privilege, protected calls, 403 diagnostics. */
export function IconShield(props: IconProps) {
  return (
    <Icon name="shield" {...props}>
      <path d="M12 3l7.5 3v5.5c0 4.6-3.2 8.3-7.5 9.5-4.3-1.2-7.5-4.9-7.5-9.5V6z" />
    </Icon>
  );
}

/** A pen on a line (🔏): a signed client assertion. */
export function IconSignature(props: IconProps) {
  return (
    <Icon name="signature" {...props}>
      <path d="M4 17l9.5-9.5 3 3L7 20H4z" />
      <path d="M12 20h8" />
    </Icon>
  );
}

/** Sliders (⚙️): configuration. */
export function IconSettings(props: IconProps) {
  return (
    <Icon name="settings" {...props}>
      <path d="M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1" />
      <circle cx="15" cy="6" r="2" />
      <circle cx="9" cy="12" r="2" />
      <circle cx="17" cy="18" r="2" />
    </Icon>
  );
}

/** A paper plane (📨): the request that is sent. */
export function IconSend(props: IconProps) {
  return (
    <Icon name="send" {...props}>
      <path d="M21 3L10.5 13.5M21 3l-6.5 18-4-7.5L3 9.5z" />
    </Icon>
  );
}

/** A ticket (🎟️): an access token. */
export function IconTicket(props: IconProps) {
  return (
    <Icon name="ticket" {...props}>
      <path d="M3 7h18v3a2 2 0 0 0 0 4v3H3v-3a2 2 0 0 0 0-4z" />
      <path d="M14.5 7v2M14.5 11v2M14.5 15v2" />
    </Icon>
  );
}

/** A lightning bolt (🚀): calling an API with the token. */
export function IconBolt(props: IconProps) {
  return (
    <Icon name="bolt" {...props}>
      <path d="M13 2.5L4.5 13.5h6.5l-1 8 8.5-11H12z" />
    </Icon>
  );
}

/** Sparkles (🎉): something worked. */
export function IconSparkle(props: IconProps) {
  return (
    <Icon name="sparkle" {...props}>
      <path d="M12 3v4M12 17v4M3 12h4M17 12h4M6 6l2.5 2.5M15.5 15.5L18 18M6 18l2.5-2.5M15.5 8.5L18 6" />
    </Icon>
  );
}

/** A flask (🧪): the local sandbox. */
export function IconFlask(props: IconProps) {
  return (
    <Icon name="flask" {...props}>
      <path d="M9 3h6M10 3v6.5L4.6 18.8A1.5 1.5 0 0 0 5.9 21h12.2a1.5 1.5 0 0 0 1.3-2.2L14 9.5V3" />
      <path d="M7.5 15h9" />
    </Icon>
  );
}

/** A burst (💥): the Break it panel's injected faults. */
export function IconBurst(props: IconProps) {
  return (
    <Icon name="burst" {...props}>
      <path d="M12 2.5l2 5.5 5.5-2-2.7 5 4.7 3-5.7.8.7 5.7-4.5-3.5-4.5 3.5.7-5.7L2.5 14l4.7-3-2.7-5 5.5 2z" />
    </Icon>
  );
}

/** Two chain links (🔗): a pairing key. */
export function IconLink(props: IconProps) {
  return (
    <Icon name="link" {...props}>
      <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1" />
      <path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
    </Icon>
  );
}

/** A plus (➕): add or provision. */
export function IconPlus(props: IconProps) {
  return (
    <Icon name="plus" {...props}>
      <path d="M12 5v14M5 12h14" />
    </Icon>
  );
}

/** A phone (📱): an authenticator app or SMS device. */
export function IconPhone(props: IconProps) {
  return (
    <Icon name="phone" {...props}>
      <rect x="7" y="2.5" width="10" height="19" rx="2" />
      <path d="M11 18h2" />
    </Icon>
  );
}

/** A person (👤): whose devices. */
export function IconUser(props: IconProps) {
  return (
    <Icon name="user" {...props}>
      <circle cx="12" cy="8" r="4" />
      <path d="M4.5 21a7.5 7.5 0 0 1 15 0" />
    </Icon>
  );
}

/** Two people (👥): a user list. */
export function IconUsers(props: IconProps) {
  return (
    <Icon name="users" {...props}>
      <circle cx="9" cy="8" r="3.5" />
      <path d="M2.5 20a6.5 6.5 0 0 1 13 0M16 4.5a3.5 3.5 0 0 1 0 7M18 13.7a6.5 6.5 0 0 1 3.5 6.3" />
    </Icon>
  );
}

/** A magnifier (🔎): look one item up. */
export function IconSearch(props: IconProps) {
  return (
    <Icon name="search" {...props}>
      <circle cx="11" cy="11" r="6.5" />
      <path d="M20 20l-4.4-4.4" />
    </Icon>
  );
}

/** A book (📚): a catalog, the scopes a token carries. */
export function IconBook(props: IconProps) {
  return (
    <Icon name="book" {...props}>
      <path d="M4 19.5A2.5 2.5 0 0 1 6.5 17H20V3H6.5A2.5 2.5 0 0 0 4 5.5z" />
      <path d="M4 19.5A2.5 2.5 0 0 0 6.5 22H20v-5" />
    </Icon>
  );
}

/** A compass (🧭): finding your way (page not found). */
export function IconCompass(props: IconProps) {
  return (
    <Icon name="compass" {...props}>
      <circle cx="12" cy="12" r="9" />
      <path d="M15.5 8.5l-2 5-5 2 2-5z" />
    </Icon>
  );
}

/** A clock: token lifetime. */
export function IconClock(props: IconProps) {
  return (
    <Icon name="clock" {...props}>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7v5l3.5 2" />
    </Icon>
  );
}

/** A download arrow: save a file. */
export function IconDownload(props: IconProps) {
  return (
    <Icon name="download" {...props}>
      <path d="M12 4v11M7 10l5 5 5-5M5 20h14" />
    </Icon>
  );
}
