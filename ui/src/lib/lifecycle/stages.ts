// Each student's lifecycle stage for the family page, read alongside the hours.
import { commands, run, type Student, type StudentStage } from '$lib/ipc';

/** Stage by student id. */
export async function studentStages(students: Student[]): Promise<Record<number, StudentStage>> {
	const stages = await Promise.all(students.map((s) => run(commands.studentStage(s.id))));
	return Object.fromEntries(stages.map((st) => [st.studentId, st]));
}
