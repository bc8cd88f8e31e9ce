import { describe, expect, it } from 'vitest';
import { isOwnOrigin } from '@hosts/server/origin-check';

describe('isOwnOrigin', () => {
  it('on a loopback bind accepts loopback spellings on the bound port only', () => {
    expect(isOwnOrigin('http://127.0.0.1:5178', '127.0.0.1', 5178)).toBe(true);
    expect(isOwnOrigin('http://localhost:5178', '127.0.0.1', 5178)).toBe(true);
    expect(isOwnOrigin('http://[::1]:5178', '::1', 5178)).toBe(true);
    expect(isOwnOrigin('http://127.0.0.1:5179', '127.0.0.1', 5178)).toBe(false);
    expect(isOwnOrigin('http://evil.example:5178', '127.0.0.1', 5178)).toBe(false);
    expect(isOwnOrigin('https://127.0.0.1:5178', '127.0.0.1', 5178)).toBe(false);
    expect(isOwnOrigin('null', '127.0.0.1', 5178)).toBe(false);
  });

  it('on a specific address accepts that address only; on a wildcard, IP literals only', () => {
    expect(isOwnOrigin('http://192.168.1.5:80', '192.168.1.5', 80)).toBe(false); // an Origin never carries :80
    expect(isOwnOrigin('http://192.168.1.5', '192.168.1.5', 80)).toBe(true);
    expect(isOwnOrigin('http://192.168.1.6:8080', '192.168.1.5', 8080)).toBe(false);
    expect(isOwnOrigin('http://10.0.0.2:8080', '0.0.0.0', 8080)).toBe(true);
    expect(isOwnOrigin('http://rebind.example:8080', '0.0.0.0', 8080)).toBe(false);
  });
});
