/**
 * Host names of audio and video platforms whose pages are media, not articles: a URL on one of
 * them (or a subdomain, such as www.youtube.com or m.youtube.com) goes to the media loader.
 */
export const VIDEO_PLATFORM_HOSTS: readonly string[] = Object.freeze([
  'youtube.com',
  'youtu.be',
  'youtube-nocookie.com',
  'vimeo.com',
  'dailymotion.com',
  'dai.ly',
  'twitch.tv',
  'tiktok.com',
  'rumble.com',
  'bitchute.com',
  'odysee.com',
  'soundcloud.com',
]);

/** Whether the URL's host is one of `VIDEO_PLATFORM_HOSTS` or a subdomain of one. */
export function isVideoPlatformUrl(url: URL): boolean {
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  return VIDEO_PLATFORM_HOSTS.some(
    (platform) => host === platform || host.endsWith(`.${platform}`),
  );
}
