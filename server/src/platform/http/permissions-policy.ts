/**
 * Powerful browser features no Atensi page uses, switched off for every page and every frame
 * (a script injected into a page cannot ask for the camera or the location either). No page
 * asks for the location today (SERASI reports and outreach take a typed village); a future
 * "use my location" button needs `geolocation=(self)` here. Fullscreen stays for our own pages
 * (the browser's PDF viewer of letters and reports).
 */
const off = [
  'accelerometer',
  'autoplay',
  'bluetooth',
  'browsing-topics',
  'camera',
  'display-capture',
  'encrypted-media',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'picture-in-picture',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
];

export const permissionsPolicy = [...off.map((feature) => `${feature}=()`), 'fullscreen=(self)'].join(', ');
