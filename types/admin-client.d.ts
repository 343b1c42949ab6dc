/**
 * The modules NocoBase's admin client lends to plugin bundles at run time (packages/build
 * names them as AMD dependencies): react comes with its own types; these are not installed in
 * this workspace, so their surface, as our client code uses it, is declared here. Loose where a
 * library's props are many (antd's components take any prop), exact where our code depends on
 * a shape (requests, settings, translations).
 */

declare module 'antd' {
  import type { ComponentType, ReactNode } from 'react';

  /** any of a component's props; what our code passes is checked where it is ours */
  type Props = { children?: ReactNode; [prop: string]: unknown };
  type Component<Statics = unknown> = ComponentType<Props> & Statics;

  export interface FormInstance {
    getFieldsValue(): Record<string, unknown>;
    setFieldsValue(values: Record<string, unknown>): void;
    setFieldValue(name: string, value: unknown): void;
    resetFields(fields?: string[]): void;
    validateFields(): Promise<Record<string, unknown>>;
    submit(): void;
  }

  export interface MessageApi {
    success(content: ReactNode): void;
    error(content: ReactNode): void;
    info(content: ReactNode): void;
    warning(content: ReactNode): void;
  }

  export const Alert: Component;
  export const App: Component<{ useApp(): { message: MessageApi } }>;
  export const Button: Component;
  export const Card: Component;
  export const Col: Component;
  export const Collapse: Component;
  export const DatePicker: Component;
  export const Descriptions: Component<{ Item: Component }>;
  export const Empty: Component;
  export const Form: Component<{ Item: Component; useForm(): [FormInstance] }>;
  export const Image: Component<{ PreviewGroup: Component }>;
  export const Input: Component<{ TextArea: Component; Search: Component }>;
  export const InputNumber: Component;
  export const Layout: Component<{ Content: Component; Header: Component; Footer: Component }>;
  export const Pagination: Component;
  export const Radio: Component<{ Group: Component; Button: Component }>;
  export const Rate: Component;
  export const Result: Component;
  export const Row: Component;
  export const Segmented: Component;
  export const Select: Component;
  export const Space: Component;
  export const Spin: Component;
  export const Statistic: Component;
  export const Steps: Component;
  export const Switch: Component;
  export const Table: Component;
  export const Tabs: Component;
  export const Tag: Component;
  export const Typography: Component<{ Title: Component; Paragraph: Component; Text: Component }>;
}

declare module '@ant-design/icons' {
  import type { ComponentType } from 'react';

  type Icon = ComponentType<{ style?: Record<string, unknown> }>;
  export const AlertOutlined: Icon;
  export const BarChartOutlined: Icon;
  export const RiseOutlined: Icon;
  export const ScheduleOutlined: Icon;
}

declare module 'react-i18next' {
  export type TFunction = (key: string, options?: Record<string, unknown>) => string;
  export function useTranslation(ns?: string | string[]): {
    t: TFunction;
    i18n: { language: string; changeLanguage(lng: string): Promise<unknown> };
  };
}

declare module '@nocobase/flow-engine' {
  /** a message key translated when the flow engine renders it */
  export function escapeT(text: string, options?: Record<string, unknown>): string;
}

declare module '@nocobase/client' {
  import type { ComponentType, ReactNode } from 'react';

  export interface RequestConfig {
    url: string;
    method?: 'get' | 'post' | 'put' | 'delete';
    params?: Record<string, unknown>;
    data?: unknown;
    headers?: Record<string, string>;
    /** no notification of NocoBase's own on an error: the caller shows it */
    skipNotify?: boolean;
  }

  /** The response of `APIClient.request`: the body (NocoBase's `{ data, meta }`) as `data`. */
  export interface ApiResponse<Body = unknown> {
    data: Body;
    status: number;
  }

  export interface APIClient {
    request<Body = unknown>(config: RequestConfig): Promise<ApiResponse<Body>>;
    /** where the API is served (e.g. /api/), for requests made without the client */
    axios?: { defaults?: { baseURL?: string } };
  }

  export function useAPIClient(): APIClient;

  /** The options form (`{ url }`) resolves to the response body, e.g. `{ data: … }`. */
  export function useRequest<Body>(
    service: RequestConfig | (() => Promise<Body>),
    options?: { refreshDeps?: unknown[]; manual?: boolean },
  ): { data?: Body; loading: boolean; error?: Error; refresh(): void; run(...args: unknown[]): void };

  export interface SettingOptions {
    title: string;
    icon?: string;
    sort?: number;
    Component?: ComponentType;
  }

  export interface Application {
    pluginSettingsManager: {
      add(name: string, options: SettingOptions): void;
      getSetting(name: string): unknown;
    };
    router: {
      add(name: string, options: { path: string; Component: ComponentType; skipAuthCheck?: boolean }): void;
    };
    pm: { get(name: string): unknown };
    apiClient: {
      axios: {
        interceptors: {
          request: { use(onFulfilled: (config: RequestConfig & { url?: string }) => unknown): number };
        };
      };
      auth: { token?: string | null };
    };
  }

  export interface FlowEngine {
    registerModels(models: Record<string, unknown>): void;
    getModelClass(name: string): unknown;
    flowSettings?: { enabled?: boolean };
  }

  export class Plugin {
    app: Application;
    flowEngine: FlowEngine;
    load(): Promise<void>;
  }

  export enum ActionSceneEnum {
    collection = 'collection',
    record = 'record',
    both = 'both',
    all = 'all',
  }

  /** A flow model's step handler gets this context. */
  export interface FlowContext {
    model: ActionModel;
    t(key: string, options?: Record<string, unknown>): string;
    api: APIClient;
    message: { success(content: ReactNode): void; error(content: ReactNode): void };
    viewer: {
      dialog(options: { title: ReactNode; content: (view: { close(): void }) => ReactNode }): void;
    };
    blockModel?: { resource?: { refresh?(): Promise<void> } };
  }

  /** A button of NocoBase 2's flow engine (UI-editor mode moves and configures it). */
  export class ActionModel {
    static scene: ActionSceneEnum;
    static define(options: { label: string }): void;
    static registerFlow(flow: {
      key: string;
      title: string;
      on: string;
      steps: Record<string, { handler(ctx: FlowContext): unknown }>;
    }): void;
    context: { record?: Record<string, unknown> };
    flowEngine: FlowEngine;
    defaultProps: Record<string, unknown>;
    render(): ReactNode;
  }
}
