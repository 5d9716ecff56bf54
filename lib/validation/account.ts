import { z } from 'zod';

/** Matches lib/server/auth.ts (ASVS L1 2.1.1 and 2.1.2): 12 to 128 characters. */
export const MIN_PASSWORD_CHARS = 12;
export const MAX_PASSWORD_CHARS = 128;
export const MAX_EMAIL_CHARS = 254;

const email = z.email('Enter an email address, like name@school.example.').max(MAX_EMAIL_CHARS);
const newPassword = z
  .string()
  .min(MIN_PASSWORD_CHARS, `Use at least ${MIN_PASSWORD_CHARS} characters.`)
  .max(MAX_PASSWORD_CHARS, `Use at most ${MAX_PASSWORD_CHARS} characters.`);

/** The instructor sign-in form. */
export const SignInSchema = z.object({
  email,
  password: z.string().min(1, 'Enter your password.').max(MAX_PASSWORD_CHARS, 'That password is too long.'),
});
export type SignIn = z.infer<typeof SignInSchema>;

/** The instructor's change-password form. */
export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password.').max(MAX_PASSWORD_CHARS),
    newPassword,
    confirmPassword: z.string().min(1, 'Repeat the new password.'),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two new passwords differ.',
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ['newPassword'],
    message: 'Choose a password different from the current one.',
  });
export type ChangePassword = z.infer<typeof ChangePasswordSchema>;
