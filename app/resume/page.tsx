import type { Metadata } from 'next';
import { ResumeForm } from '@/components/classroom/resume-form';
import { Link } from '@/components/layout/link';
import { resumeAction } from '../join/actions';

export const metadata: Metadata = { title: 'Continue on this device' };

export default function ResumePage() {
  return (
    <div className="page narrow">
      <h1>Continue on this device</h1>
      <p className="lede">Enter your class code and the personal resume code you wrote down when you joined.</p>
      <ResumeForm resume={resumeAction} />
      <p>
        Lost your resume code? Ask your teacher for a new one. New to the class? <Link href="/join">Join it</Link>.
      </p>
    </div>
  );
}
