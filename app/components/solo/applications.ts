/**
 * The application cards at the end of the path (issue 18; seed 000's list of what deep learning is
 * used for): concept cards, not playable. Each names what goes in, what comes out, and the path's
 * challenges whose ideas it is built from, so a learner who finished the path can see where each
 * piece goes. Texts are in the 'applications' message catalogue.
 */
import type { ChallengeId } from '../../../game/challenges';

export const APPLICATION_IDS = ['detection', 'segmentation', 'captioning', 'driving', 'design'] as const;
export type ApplicationId = (typeof APPLICATION_IDS)[number];

export interface ApplicationCard {
  id: ApplicationId;
  /** Path challenges whose ideas the application combines, in the order the card names them. */
  buildsOn: readonly ChallengeId[];
}

export const APPLICATIONS: readonly ApplicationCard[] = [
  // A CNN finds the object; a second head regresses its box's coordinates (an MSE-style loss).
  { id: 'detection', buildsOn: ['sign-digits', 'losses'] },
  // An encoder shrinks the photo and a decoder grows it back to a mask: the autoencoder's shape.
  { id: 'segmentation', buildsOn: ['sign-digits', 'autoencoder'] },
  // A CNN reads the photo; a recurrent or attention decoder writes the words one token at a time.
  { id: 'captioning', buildsOn: ['sign-digits', 'memory', 'attention'] },
  // Camera frames in, steering angle and throttle out: regression on images, over time.
  { id: 'driving', buildsOn: ['sign-digits', 'memory'] },
  // Random numbers in, a design out: a generative model (told what kind, a conditional one), then a
  // person picks what they like.
  { id: 'design', buildsOn: ['gan', 'gan-digits', 'autoencoder'] },
];
