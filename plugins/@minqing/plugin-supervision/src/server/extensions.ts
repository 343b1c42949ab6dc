import type WorkflowPlugin from '@nocobase/plugin-workflow';
import type { Instruction, Trigger } from '@nocobase/plugin-workflow';

type ByType<T> = Record<string, new (workflow: WorkflowPlugin) => T>;

/**
 * Puts triggers and nodes into NocoBase's workflow designer, by type. (plugin-workflow types its
 * `register*` with a constructor taking any plugin, while its Trigger and Instruction are built
 * with the workflow plugin: the same classes, typed two ways, hence the cast.)
 */
export function registerWorkflowExtensions(
  workflow: WorkflowPlugin,
  { triggers = {}, instructions = {} }: { triggers?: ByType<Trigger>; instructions?: ByType<Instruction> },
) {
  for (const [type, TriggerClass] of Object.entries(triggers)) workflow.registerTrigger(type, TriggerClass as never);
  for (const [type, InstructionClass] of Object.entries(instructions)) {
    workflow.registerInstruction(type, InstructionClass as never);
  }
}
