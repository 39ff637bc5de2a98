'use client';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/** Why the camera is not running, as the panel words it (hand.errors.*). */
export type CameraError = 'denied' | 'noCamera' | 'busy' | 'insecure' | 'unsupported' | 'other';

export type CameraState = { kind: 'off' } | { kind: 'starting' } | { kind: 'live' } | { kind: 'error'; error: CameraError };

/** getUserMedia's refusal, by the DOMException names browsers use. */
export function cameraError(e: unknown): CameraError {
  const name = e instanceof Error || (typeof e === 'object' && e !== null && 'name' in e) ? String((e as { name: unknown }).name) : '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return 'noCamera';
  if (name === 'NotReadableError' || name === 'TrackStartError' || name === 'AbortError') return 'busy';
  return 'other';
}

function stopStream(stream: MediaStream | null, video: HTMLVideoElement | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
  if (video && video.srcObject === stream) video.srcObject = null;
}

/**
 * The camera for one panel: start() asks for it, stop() ends every track. It also stops when the
 * component unmounts (the panel closes, another page opens) and when the page is hidden away for
 * good (pagehide), so no camera light stays on behind the student's back.
 */
export function useCamera(videoRef: RefObject<HTMLVideoElement | null>) {
  const [state, setState] = useState<CameraState>({ kind: 'off' });
  const streamRef = useRef<MediaStream | null>(null);
  // Bumped by stop(), so a start() still waiting for permission does not switch the camera on after.
  const attempt = useRef(0);

  const stop = useCallback(() => {
    attempt.current++;
    stopStream(streamRef.current, videoRef.current);
    streamRef.current = null;
    setState({ kind: 'off' });
  }, [videoRef]);

  const start = useCallback(async () => {
    if (typeof window !== 'undefined' && window.isSecureContext === false) return setState({ kind: 'error', error: 'insecure' });
    if (!navigator.mediaDevices?.getUserMedia) return setState({ kind: 'error', error: 'unsupported' });
    const mine = ++attempt.current;
    setState({ kind: 'starting' });
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: false, video: { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } } });
      if (mine !== attempt.current) return stopStream(stream, null);
      streamRef.current = stream;
      const video = videoRef.current;
      if (video) {
        video.srcObject = stream;
        await video.play().catch(() => undefined); // muted inline video plays without a gesture
      }
      setState({ kind: 'live' });
    } catch (e) {
      if (mine === attempt.current) setState({ kind: 'error', error: cameraError(e) });
    }
  }, [videoRef]);

  useEffect(() => {
    const onHide = () => stop();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      attempt.current++;
      stopStream(streamRef.current, videoRef.current);
      streamRef.current = null;
    };
  }, [stop, videoRef]);

  return { state, start, stop };
}
