// Approval steps (Harness users, Jira, ServiceNow, a custom script) and the ticket steps that
// create or update Jira issues and ServiceNow tickets.
import { bool, int, list, obj, oneOfValues, ref, str, strList, timeout, anyValue } from '../build';
import { inputVariables, outputVariables } from '../common';
import type { Definitions, JsonSchema } from '../types';
import { connectorRef, step, stepDelegates } from './node';

export const approvalStepDefinitions: Definitions = {};
const d = approvalStepDefinitions;

export const approvalDefinitions: Definitions = {
  ApprovalCriteria: obj(
    'Condition on the ticket that approves (or rejects) it.',
    {
      type: oneOfValues('Jexl: one expression; KeyValues: a list of field conditions.', [
        'Jexl',
        'KeyValues',
      ]),
      spec: obj(
        'The expression or the field conditions.',
        {
          expression: str(
            'JEXL expression over the ticket fields, e.g. <+issue.Status> == "Done" (type Jexl).',
          ),
          matchAnyCondition: bool('Approve when any condition holds (default: all must hold).'),
          conditions: list(
            'Field conditions (type KeyValues).',
            obj(
              'One condition on a ticket field.',
              {
                key: str('Ticket field name, e.g. Status.'),
                operator: oneOfValues('Comparison.', ['equals', 'not equals', 'in', 'not in']),
                value: str('Value (comma-separated for in / not in).'),
              },
              { required: ['key', 'operator', 'value'], closed: true },
            ),
          ),
        },
        { closed: true },
      ),
    },
    { required: ['type', 'spec'], closed: true },
  ),
};

const criteria = (what: string): JsonSchema => ref('ApprovalCriteria', what);
const retryInterval = (): JsonSchema => timeout('How often the ticket is polled, e.g. 1m.');
const fields = (what: string): JsonSchema =>
  list(
    `Fields to set on the ${what}.`,
    obj(
      'One field.',
      { name: str('Field name.'), value: str('Field value.') },
      { required: ['name', 'value'], closed: true },
    ),
  );

step(
  d,
  'HarnessApproval',
  'Pauses until enough members of the chosen user groups approve in Harness.',
  {
    approvalMessage: str('Message shown to approvers.'),
    includePipelineExecutionHistory: bool('Show the approvers the execution history of this pipeline.'),
    isAutoRejectEnabled: bool('Reject automatically when a newer execution reaches this step.'),
    approvers: obj(
      'Who may approve and how many approvals are needed.',
      {
        userGroups: strList(
          'User groups whose members can approve.',
          'A user group identifier (org./account. prefixes allowed).',
        ),
        serviceAccounts: strList('Service accounts that can approve.', 'A service account identifier.'),
        minimumCount: int('Approvals needed to continue.', 1),
        disallowPipelineExecutor: bool('The person who started the pipeline cannot approve.'),
        disallowedUserEmails: strList('Users who may not approve.', 'An e-mail address.'),
      },
      { required: ['minimumCount', 'disallowPipelineExecutor'], closed: true },
    ),
    approverInputs: list(
      'Values the approver fills in; later steps read them as <+steps.ID.output.approverInputs.NAME>.',
      obj(
        'One input.',
        {
          name: str('Input name.'),
          defaultValue: str('Value pre-filled for the approver.'),
          required: bool('The approver must fill it in.'),
          allowedValues: str('Comma-separated choices.'),
          selectOneFrom: str('Comma-separated choices for a single select.'),
          selectManyFrom: str('Comma-separated choices for a multiple select.'),
          regex: str('Pattern the value must match.'),
        },
        { required: ['name'], closed: true },
      ),
    ),
    autoApproval: obj(
      'Approve automatically at a scheduled time.',
      {
        action: oneOfValues('What happens at the deadline.', ['APPROVE']),
        comments: str('Comment recorded with the automatic approval.'),
        scheduledDeadline: obj('When to approve.', {
          time: str('Date and time.'),
          timeZone: str('Time zone, e.g. Europe/Paris.'),
        }),
      },
      { required: ['action', 'scheduledDeadline'] },
    ),
    callbackId: str('Identifier for approving through the API.'),
  },
  { required: ['approvers'], closed: true },
);

step(
  d,
  'JiraApproval',
  'Pauses until a Jira issue meets the approval criteria.',
  {
    connectorRef: connectorRef('Jira'),
    projectKey: str('Jira project key.'),
    issueType: str('Jira issue type.'),
    issueKey: str('Issue to watch, e.g. PROJ-123 or an expression.'),
    approvalCriteria: criteria('When the issue counts as approved.'),
    rejectionCriteria: criteria('When the issue counts as rejected.'),
    retryInterval: retryInterval(),
    ...stepDelegates(),
  },
  { required: ['connectorRef', 'issueKey', 'approvalCriteria'], closed: true },
);

step(
  d,
  'ServiceNowApproval',
  'Pauses until a ServiceNow ticket meets the approval criteria.',
  {
    connectorRef: connectorRef('ServiceNow'),
    ticketType: str('Ticket table, e.g. change_request.'),
    ticketNumber: str('Ticket to watch, e.g. CHG0001234.'),
    approvalCriteria: criteria('When the ticket counts as approved.'),
    rejectionCriteria: criteria('When the ticket counts as rejected.'),
    changeWindow: obj(
      'Only continue inside the change window given by two ticket fields.',
      {
        startField: str('Ticket field holding the window start.'),
        endField: str('Ticket field holding the window end.'),
      },
      { required: ['startField', 'endField'], closed: true },
    ),
    retryInterval: retryInterval(),
    ...stepDelegates(),
  },
  { required: ['connectorRef', 'ticketType', 'ticketNumber', 'approvalCriteria'], closed: true },
);

step(
  d,
  'CustomApproval',
  'Runs a script repeatedly and approves when its output meets the criteria.',
  {
    shell: oneOfValues('Script language.', ['Bash', 'PowerShell']),
    source: ref('ScriptSource', 'The script.'),
    scriptTimeout: timeout('Time limit of one script run.'),
    retryInterval: timeout('Wait between script runs.'),
    approvalCriteria: criteria('When the outputs count as approved.'),
    rejectionCriteria: criteria('When the outputs count as rejected.'),
    environmentVariables: inputVariables(),
    outputVariables: outputVariables(),
    ...stepDelegates(),
  },
  { required: ['shell', 'source', 'scriptTimeout', 'retryInterval', 'approvalCriteria'], closed: true },
);

step(
  d,
  'JiraCreate',
  'Creates a Jira issue.',
  {
    connectorRef: connectorRef('Jira'),
    projectKey: str('Project to create the issue in.'),
    issueType: str('Issue type, e.g. Bug or Task.'),
    fields: fields('issue (Summary, Description, …)'),
    ...stepDelegates(),
  },
  { required: ['connectorRef', 'projectKey', 'issueType'], closed: true },
);

step(
  d,
  'JiraUpdate',
  'Updates fields of a Jira issue and optionally moves it to another status.',
  {
    connectorRef: connectorRef('Jira'),
    issueKey: str('Issue to update.'),
    projectKey: str('Project of the issue.'),
    issueType: str('Type of the issue.'),
    transitionTo: obj(
      'Workflow transition to apply.',
      { status: str('Target status.'), transitionName: str('Name of the transition to use.') },
      { required: ['status'], closed: true },
    ),
    fields: fields('issue'),
    ...stepDelegates(),
  },
  { required: ['connectorRef', 'issueKey'], closed: true },
);

step(
  d,
  'ServiceNowCreate',
  'Creates a ServiceNow ticket from fields or from a ServiceNow template.',
  {
    connectorRef: connectorRef('ServiceNow'),
    ticketType: str('Ticket table, e.g. incident or change_request.'),
    fields: fields('ticket'),
    useServiceNowTemplate: bool('Create the ticket from a ServiceNow template.'),
    templateName: str('ServiceNow template name.'),
    createType: oneOfValues('Normal (fields), Form (form template) or Standard (standard change template).', [
      'Normal',
      'Form',
      'Standard',
    ]),
    ...stepDelegates(),
  },
  { required: ['connectorRef', 'ticketType'], closed: true },
);

step(
  d,
  'ServiceNowUpdate',
  'Updates a ServiceNow ticket.',
  {
    connectorRef: connectorRef('ServiceNow'),
    ticketType: str('Ticket table.'),
    ticketNumber: str('Ticket to update.'),
    fields: fields('ticket'),
    useServiceNowTemplate: bool('Update from a ServiceNow template.'),
    templateName: str('ServiceNow template name.'),
    updateMultiple: anyValue('Update several tickets at once (change tasks of a change request).'),
    ...stepDelegates(),
  },
  { required: ['connectorRef', 'ticketType'], closed: true },
);

step(
  d,
  'ServiceNowImportSet',
  'Loads data into a ServiceNow import set table.',
  {
    connectorRef: connectorRef('ServiceNow'),
    stagingTableName: str('Import set staging table.'),
    importData: anyValue('Data to import (type and JSON body).'),
    ...stepDelegates(),
  },
  { required: ['connectorRef', 'stagingTableName'] },
);
